namespace Ordre.Tableau.Lps;

/// <summary>The national council answers within a month; a declaration is valid one year (L.4112-7, R.4112-9).</summary>
public static class LpsRules
{
    public const int AnswerMonths = 1;
    public const int ValidityYears = 1;

    /// <summary>EU and EEA member states and Switzerland, France excepted (ISO 3166-1 alpha-2).</summary>
    public static readonly IReadOnlySet<string> Countries = new HashSet<string>
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT",
        "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO", "CH",
    };
}
