using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Helpline.Counting;

namespace Ordre.Solidarity.Helpline.Reporting;

/// <summary>The counts between two days: the total, by profession, by mode of practice, by route, and day by day.</summary>
public sealed record HelplineReport(DateOnly From, DateOnly To, int Calls, IReadOnlyDictionary<string, int> ByProfession,
    IReadOnlyDictionary<string, int> ByMode, IReadOnlyDictionary<string, int> ByRoute, IReadOnlyList<HelplineDayView> Days);

public static class HelplineReportEndpoint
{
    public const int MaxDays = 366;

    /// <summary>GET /helpline/report?from&amp;to (national council): at most a year at a time.</summary>
    public static async Task<Results<Ok<HelplineReport>, ValidationProblem>> Handle(DateOnly from, DateOnly to, IQuerySession session, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [$"Période de 1 à {MaxDays} jours : from ≤ to."] }, title: "Demande invalide");
        var days = await session.Query<HelplineDay>().Where(d => d.Day >= from && d.Day <= to).OrderBy(d => d.Day).ToListAsync(ct);
        var counts = days.SelectMany(d => d.Counts.Select(c => HelplineCount.Of(c.Key, c.Value))).ToList();
        return TypedResults.Ok(new HelplineReport(from, to, counts.Sum(c => c.Calls),
            Sum(counts, c => c.Profession), Sum(counts, c => c.Mode), Sum(counts, c => c.Route), [.. days.Select(HelplineDayView.Of)]));
    }

    private static SortedDictionary<string, int> Sum(List<HelplineCount> counts, Func<HelplineCount, string> by) =>
        new(counts.GroupBy(by).ToDictionary(g => g.Key, g => g.Sum(c => c.Calls)), StringComparer.Ordinal);
}
