namespace Ordre.ServiceDefaults.Commands;

/// <summary>Business dates are calendar days in Europe/Paris (DESIGN.md, "Time").</summary>
public static class ParisCalendar
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime);
}
