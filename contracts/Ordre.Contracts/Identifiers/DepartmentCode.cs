namespace Ordre.Contracts.Identifiers;

/// <summary>
/// The 101 departments that have a departmental council: 01–19, 2A, 2B, 21–95, 971–974 and 976
/// (DOMAIN.md §9), each with the region of the bodies organised by region (regional councils, first-instance
/// chambers, health agencies). "20", "975", "977" and "978" are not accepted. The one table of departments:
/// the Tableau validates codes with it, the jurisdiction rule (ServiceDefaults) and Discipline read regions from it.
/// </summary>
public static class DepartmentCode
{
    private static readonly Dictionary<string, string> RegionOfDepartment = new[]
    {
        ("ARA", new[] { "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74" }), // Auvergne-Rhône-Alpes
        ("BFC", ["21", "25", "39", "58", "70", "71", "89", "90"]), // Bourgogne-Franche-Comté
        ("CVL", ["18", "28", "36", "37", "41", "45"]), // Centre-Val de Loire
        ("GES", ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"]), // Grand Est
        ("HDF", ["02", "59", "60", "62", "80"]), // Hauts-de-France
        ("IDF", ["75", "77", "78", "91", "92", "93", "94", "95"]), // Île-de-France
        ("NAQ", ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"]), // Nouvelle-Aquitaine
        ("NOR", ["14", "27", "50", "61", "76"]), // Normandie
        ("PDL", ["44", "49", "53", "72", "85"]), // Pays de la Loire
        ("BRE", ["22", "29", "35", "56"]), // Bretagne
        ("COR", ["2A", "2B"]), // Corse
        ("OCC", ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"]), // Occitanie
        ("PAC", ["04", "05", "06", "13", "83", "84"]), // Provence-Alpes-Côte d'Azur
        ("MAY", ["976"]), // Mayotte
        ("REU", ["974"]), // La Réunion
        ("AGU", ["971", "972", "973"]), // Antilles-Guyane (one chamber)
    }.SelectMany(r => r.Item2.Select(d => (Department: d, Region: r.Item1))).ToDictionary(x => x.Department, x => x.Region, StringComparer.Ordinal);

    /// <summary>Every department code that has a departmental council.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(RegionOfDepartment.Keys, StringComparer.Ordinal);

    public static bool IsValid(string? code) => code is not null && All.Contains(code);

    /// <summary>The region of a department code ("75" → "IDF"); null for an unknown code.</summary>
    public static string? RegionOf(string department) => RegionOfDepartment.GetValueOrDefault(department);

    /// <summary>The departments of a region code, in the table's order; empty for an unknown code.</summary>
    internal static string[] DepartmentsOf(string region) =>
        [.. RegionOfDepartment.Where(d => d.Value == region).Select(d => d.Key)];

    internal static IEnumerable<string> RegionCodes => RegionOfDepartment.Values;
}

/// <summary>The region codes tokens carry in their "region" claim ("IDF", "COR", "AGU" …), from <see cref="DepartmentCode"/>'s table.</summary>
public static class RegionCode
{
    /// <summary>The region codes, in order.</summary>
    public static IReadOnlyCollection<string> All { get; } = DepartmentCode.RegionCodes.Distinct().Order().ToArray();

    public static bool IsValid(string? code) => code is not null && All.Contains(code);

    /// <summary>The departments of a region code; empty for an unknown code.</summary>
    public static string[] DepartmentsOf(string region) => DepartmentCode.DepartmentsOf(region);
}
