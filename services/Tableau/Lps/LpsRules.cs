namespace Ordre.Tableau.Lps;

/// <summary>The national council answers within a month; a declaration is valid one year (L.4112-7, R.4112-9): rows of <see cref="TableauRules"/>.</summary>
public static class LpsRules
{
    /// <summary>The day the national council must answer a declaration received on <paramref name="receivedOn"/>.</summary>
    public static DateOnly AnswerDue(DateOnly receivedOn) => TableauRules.Book.After(TableauRules.LpsAnswer, receivedOn);

    /// <summary>The last day of a validity starting on <paramref name="from"/> (counted): a year less a day, or 28/02 from 29/02.</summary>
    public static DateOnly ValidUntil(DateOnly from) => TableauRules.LastDayOf(TableauRules.LpsValidity, from);

    /// <summary>EU and EEA member states and Switzerland, France excepted (ISO 3166-1 alpha-2).</summary>
    public static readonly IReadOnlySet<string> Countries = new HashSet<string>
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT",
        "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO", "CH",
    };
}
