using Ordre.Contracts.Access;

namespace Ordre.Contracts.Discipline;

/// <summary>
/// Discipline's own authorization policies: which roles each admits. Discipline applies them per endpoint and the
/// gateway per route (the same names, so they live with Discipline's contracts).
/// </summary>
public static class DisciplinePolicies
{
    /// <summary>Who handles complaints: the departmental council (its own), the national council (recourse, referral).</summary>
    public const string ComplaintHandlers = "complaint-handlers";
    /// <summary>Who reads disciplinary cases: the first-instance chamber (its region), the national chamber and council.</summary>
    public const string DisciplinaryCaseReaders = "disciplinary-case-readers";

    public static IReadOnlyDictionary<string, string[]> RolesAdmitted { get; } = new Dictionary<string, string[]>
    {
        [ComplaintHandlers] = [Roles.DepartmentalCouncil, Roles.NationalCouncil],
        [DisciplinaryCaseReaders] = [Roles.FirstInstanceChamber, Roles.NationalChamber, Roles.NationalCouncil],
    };
}
