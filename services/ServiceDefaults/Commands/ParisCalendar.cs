namespace Ordre.ServiceDefaults.Commands;

/// <summary>Business dates are calendar days in Europe/Paris (DESIGN.md, "Time").</summary>
public static class ParisCalendar
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());

    /// <summary>The Paris calendar day of an instant (an event's timestamp).</summary>
    public static DateOnly DayOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime);
}
