using Ordre.Contracts.Tableau;

namespace Ordre.Dashboard.Figures;

/// <summary>
/// Everything counted for one civil year (Europe/Paris), the one document <see cref="YearTallyProjection"/> keeps per
/// year: per counter key, the year's total, its twelve months, its departments and its breakdown items. Only the
/// async daemon writes it (one writer), so no two deliveries ever update it at once.
/// </summary>
public sealed class YearTally
{
    /// <summary>The civil year.</summary>
    public int Id { get; set; }

    public Dictionary<string, decimal> Totals { get; set; } = [];

    /// <summary>Per counter key, the values of January (index 0) to December.</summary>
    public Dictionary<string, decimal[]> Months { get; set; } = [];

    /// <summary>Per department code, per counter key.</summary>
    public Dictionary<string, Dictionary<string, decimal>> Departments { get; set; } = [];

    /// <summary>Per breakdown key, per item key.</summary>
    public Dictionary<string, Dictionary<string, decimal>> Breakdowns { get; set; } = [];

    /// <summary>The sequence of the last event counted: the figures' version, for the live stream.</summary>
    public long LastSequence { get; set; }

    /// <summary>
    /// The Tableau's headcount counted last in the year (a stock: replaced by a later count, never added; an earlier count
    /// arriving late changes nothing). Null when none was counted in the year.
    /// </summary>
    public TableauHeadcountCounted? Headcount { get; set; }

    public decimal Total(string key) => Totals.GetValueOrDefault(key);

    /// <summary>
    /// Keeps <paramref name="counted"/> when the Tableau published it after the headcount kept: by its number, which
    /// no clock moves; by the time it was counted between counts of the same number (two replicas, or counts from before
    /// numbers existed).
    /// </summary>
    public void Keep(TableauHeadcountCounted counted)
    {
        if (Headcount is null || counted.Number > Headcount.Number
            || (counted.Number == Headcount.Number && counted.CountedAt >= Headcount.CountedAt))
            Headcount = counted;
    }

    public void Add(Contribution contribution)
    {
        var month = contribution.Day.Month - 1;
        foreach (var count in contribution.Counts)
        {
            if (count.Item is { } item)
            {
                var items = Breakdowns.TryGetValue(count.Key, out var existing) ? existing : Breakdowns[count.Key] = [];
                items[item] = items.GetValueOrDefault(item) + count.Value;
                continue;
            }
            Totals[count.Key] = Totals.GetValueOrDefault(count.Key) + count.Value;
            var months = Months.TryGetValue(count.Key, out var m) ? m : Months[count.Key] = new decimal[12];
            months[month] += count.Value;
            if (contribution.Department is { } department)
            {
                var values = Departments.TryGetValue(department, out var d) ? d : Departments[department] = [];
                values[count.Key] = values.GetValueOrDefault(count.Key) + count.Value;
            }
        }
    }
}

/// <summary>One amount to add under a counter key, or under an item of a breakdown when <paramref name="Item"/> is set.</summary>
public sealed record Count(string Key, decimal Value = 1, string? Item = null);

/// <summary>What one event adds to the figures: on which day (its year and month), for which department, which counts.</summary>
public sealed record Contribution(DateOnly Day, string? Department, IReadOnlyList<Count> Counts);
