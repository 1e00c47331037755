namespace Ordre.Dashboard.Figures;

/// <summary>
/// Figures no service's event can produce (DOMAIN.md §7), entered by hand from the CNOM's 2020 report (DOMAIN.md §6)
/// and shown as <c>saisie-manuelle</c>: dated data, one row per year and figure. A figure that an event comes to
/// produce leaves this table.
/// </summary>
public static class ManualFigures
{
    public sealed record Entry(int Year, string Key, string Group, string Label, decimal Value, string Unit, DateOnly EnteredOn, string Source);

    public static IReadOnlyList<Entry> Table { get; } =
    [
        new(2020, "decisions-formation-restreinte", "tableau", "Décisions de la formation restreinte du CNOM", 93, "nombre",
            new DateOnly(2026, 12, 1), "Rapport d'activité 2020 du CNOM, « Formation restreinte »"),
        new(2020, "circulaires", "tableau", "Circulaires du CNOM", 66, "nombre",
            new DateOnly(2026, 12, 1), "Rapport d'activité 2020 du CNOM, « L'année en bref »"),
    ];
}
