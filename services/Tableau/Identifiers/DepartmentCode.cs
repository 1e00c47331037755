namespace Ordre.Tableau.Identifiers;

/// <summary>
/// The 101 departments that have a departmental council: 01–19, 2A, 2B, 21–95, 971–974 and 976
/// (DOMAIN.md §9). "20", "975", "977" and "978" are not accepted.
/// </summary>
public static class DepartmentCode
{
    public static readonly IReadOnlySet<string> All = BuildAll();

    public static bool IsValid(string? code) => code is not null && All.Contains(code);

    private static HashSet<string> BuildAll()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal) { "2A", "2B", "971", "972", "973", "974", "976" };
        for (var n = 1; n <= 95; n++)
            if (n != 20) codes.Add(n.ToString("00"));
        return codes;
    }
}
