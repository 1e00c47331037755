using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Commands;

namespace Ordre.Dashboard.Figures;

public static class GetFiguresEndpoint
{
    public const int FirstYear = 2000, LastYear = 2100;

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static async Task<Results<Ok<YearFigures>, ValidationProblem>> Handle(int? year, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var asked = year ?? ParisCalendar.DayOf(now).Year;
        if (asked is < FirstYear or > LastYear)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [$"L'année va de {FirstYear} à {LastYear}."] },
                title: "Année invalide");
        var upToYear = await session.Query<YearTally>().Where(t => t.Id <= asked).ToListAsync(ct);
        return TypedResults.Ok(FiguresCatalog.For(asked, upToYear.SingleOrDefault(t => t.Id == asked), TimeZoneInfo.ConvertTime(now, Paris), upToYear));
    }
}
