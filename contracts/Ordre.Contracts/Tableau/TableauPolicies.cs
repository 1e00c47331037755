using Ordre.Contracts.Access;

namespace Ordre.Contracts.Tableau;

/// <summary>
/// The Tableau's own authorization policies: which roles each admits. The Tableau applies them per endpoint and the
/// gateway per route (the same names, so they live with the Tableau's contracts); each endpoint then checks which
/// one of them may act (e.g. the council of the doctor's department).
/// </summary>
public static class TableauPolicies
{
    /// <summary>Whoever may change a register entry: departmental, regional or national council, or the ARS.</summary>
    public const string RegisterAuthority = "register-authority";
    /// <summary>Councils that act on inscription dossiers: departmental (its own), regional and national (appeals).</summary>
    public const string InscriptionAuthorities = "inscription-authorities";
    /// <summary>Who hears appeals on inscriptions: the regional council, then the national council.</summary>
    public const string AppealBodies = "appeal-bodies";

    public static IReadOnlyDictionary<string, string[]> RolesAdmitted { get; } = new Dictionary<string, string[]>
    {
        [RegisterAuthority] = [Roles.DepartmentalCouncil, Roles.RegionalCouncil, Roles.NationalCouncil, Roles.RegionalHealthAgency],
        [InscriptionAuthorities] = [Roles.DepartmentalCouncil, Roles.RegionalCouncil, Roles.NationalCouncil],
        [AppealBodies] = [Roles.RegionalCouncil, Roles.NationalCouncil],
    };
}
