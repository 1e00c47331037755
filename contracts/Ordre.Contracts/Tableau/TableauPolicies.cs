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

    /// <summary>A subscriber of the register's change feed, whose token was granted the <see cref="RegisterFeedScope"/>.</summary>
    public const string RegisterFeed = "register-feed";
    /// <summary>The OAuth scope a subscriber asks for (client credentials) to read the register's change feed.</summary>
    public const string RegisterFeedScope = "register-feed";

    /// <summary>The policies that also require a scope in the token, beside the role.</summary>
    public static IReadOnlyDictionary<string, string> ScopesRequired { get; } = new Dictionary<string, string>
    {
        [RegisterFeed] = RegisterFeedScope,
    };

    public static IReadOnlyDictionary<string, string[]> RolesAdmitted { get; } = new Dictionary<string, string[]>
    {
        [RegisterFeed] = [Roles.RegisterSubscriber],
        [RegisterAuthority] = [Roles.DepartmentalCouncil, Roles.RegionalCouncil, Roles.NationalCouncil, Roles.RegionalHealthAgency],
        [InscriptionAuthorities] = [Roles.DepartmentalCouncil, Roles.RegionalCouncil, Roles.NationalCouncil],
        [AppealBodies] = [Roles.RegionalCouncil, Roles.NationalCouncil],
    };
}
