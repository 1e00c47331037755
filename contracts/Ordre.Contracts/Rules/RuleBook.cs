using System.Collections.Frozen;
using Ordre.Contracts.Calendar;

namespace Ordre.Contracts.Rules;

/// <summary>How a rule's value is counted.</summary>
public enum RuleUnit { Days, JoursOuvrables, Months, Years, Members, Euros }

/// <summary>
/// One deadline, duration or threshold of the law, as a dated row: <see cref="InForceFrom"/> is the day the text
/// that sets it took effect. A change in the law is a new row with the same <see cref="Name"/> and a later date;
/// a decision uses the row in force on its own date (<see cref="RuleBook.InForce"/>).
/// </summary>
/// <param name="Name">Stable key the code asks for, e.g. <c>appeal-to-national-chamber</c>.</param>
/// <param name="Label">What the rule is, in French, for the councils reading <c>GET …/rules</c>.</param>
/// <param name="Value">How many <paramref name="Unit"/>s.</param>
/// <param name="Unit">Calendar days, jours ouvrables, calendar months, years, a count of members, or an amount in euros (a threshold).</param>
/// <param name="Source">The article (and text) that sets it, e.g. <c>CSP R.4126-44</c>.</param>
/// <param name="InForceFrom">The first day the row applies.</param>
public sealed record LegalRule(string Name, string Label, int Value, RuleUnit Unit, string Source, DateOnly InForceFrom)
{
    /// <summary>
    /// The first day of a row whose date of effect has not been checked against the text yet: it applies to every date,
    /// and <c>GET …/rules</c> shows no date rather than a guessed one.
    /// </summary>
    public static readonly DateOnly DateNotChecked = DateOnly.MinValue;
}

/// <summary>
/// A row as councils read it: the unit in French, its first day (none when not yet checked against the text) and the
/// day the next row replaced it, if any.
/// </summary>
public sealed record LegalRuleView(
    string Name, string Label, int Value, string Unit, string Source, DateOnly? InForceFrom, DateOnly? InForceUntil);

/// <summary>A service's rules table: every deadline, duration and threshold it applies, each with its source and date of effect.</summary>
public sealed class RuleBook
{
    private readonly FrozenDictionary<string, LegalRule[]> _byName;

    public RuleBook(IEnumerable<LegalRule> rows)
    {
        var all = rows.ToList();
        var duplicate = all.GroupBy(r => (r.Name, r.InForceFrom)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Two rows for {duplicate.Key.Name} in force from {duplicate.Key.InForceFrom}.", nameof(rows));
        _byName = all.GroupBy(r => r.Name)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(r => r.InForceFrom).ToArray());
    }

    /// <summary>The row of <paramref name="name"/> in force on <paramref name="on"/>.</summary>
    public LegalRule InForce(string name, DateOnly on)
    {
        if (!_byName.TryGetValue(name, out var rows))
            throw new ArgumentException($"No rule named {name}.", nameof(name));
        return rows.LastOrDefault(r => r.InForceFrom <= on)
            ?? throw new ArgumentOutOfRangeException(nameof(on), $"No rule {name} was in force on {on:yyyy-MM-dd}.");
    }

    public int Value(string name, DateOnly on) => InForce(name, on).Value;

    /// <summary>
    /// The day the period <paramref name="name"/> ends when it starts on <paramref name="from"/> and is the one in force
    /// that day: calendar days, jours ouvrables (of <paramref name="department"/>), or calendar months and years (same day
    /// of the month, or the last day of a shorter month).
    /// </summary>
    public DateOnly After(string name, DateOnly from, string? department = null)
    {
        var rule = InForce(name, from);
        return rule.Unit switch
        {
            RuleUnit.Days => from.AddDays(rule.Value),
            RuleUnit.Months => FrenchCalendar.AddMonths(from, rule.Value),
            RuleUnit.Years => from.AddYears(rule.Value),
            RuleUnit.JoursOuvrables => FrenchCalendar.AddJoursOuvrables(from, rule.Value,
                department ?? throw new ArgumentNullException(nameof(department), $"{name} counts jours ouvrables: name the department.")),
            _ => throw new InvalidOperationException($"{name} is a count ({rule.Unit}), not a period."),
        };
    }

    /// <summary>
    /// The last day of a measure lasting the period <paramref name="name"/> from its first day <paramref name="firstDay"/>
    /// (counted): in months or years, <see cref="FrenchCalendar.LastDayOfMonths"/>; in days, the <c>n</c>th day counting the first.
    /// </summary>
    public DateOnly LastDay(string name, DateOnly firstDay)
    {
        var rule = InForce(name, firstDay);
        return rule.Unit switch
        {
            RuleUnit.Months => FrenchCalendar.LastDayOfMonths(firstDay, rule.Value),
            RuleUnit.Years => FrenchCalendar.LastDayOfMonths(firstDay, 12 * rule.Value),
            _ => After(name, firstDay).AddDays(-1),
        };
    }

    /// <summary>Every row, rule by rule and oldest first, as <c>GET …/rules</c> shows them.</summary>
    public IReadOnlyList<LegalRuleView> Rows() =>
        _byName.Values.OrderBy(rows => rows[0].Name, StringComparer.Ordinal)
            .SelectMany(rows => rows.Select((r, i) => new LegalRuleView(r.Name, r.Label, r.Value, UnitLabel(r.Unit, r.Value),
                r.Source, r.InForceFrom == LegalRule.DateNotChecked ? null : r.InForceFrom, i + 1 < rows.Length ? rows[i + 1].InForceFrom.AddDays(-1) : null)))
            .ToList();

    private static string UnitLabel(RuleUnit unit, int value) => (unit, value > 1) switch
    {
        (RuleUnit.Days, false) => "jour",
        (RuleUnit.Days, true) => "jours",
        (RuleUnit.JoursOuvrables, false) => "jour ouvrable",
        (RuleUnit.JoursOuvrables, true) => "jours ouvrables",
        (RuleUnit.Months, _) => "mois",
        (RuleUnit.Years, false) => "an",
        (RuleUnit.Years, true) => "ans",
        (RuleUnit.Members, false) => "membre",
        (RuleUnit.Members, true) => "membres",
        (RuleUnit.Euros, _) => "euros",
        _ => unit.ToString(),
    };
}
