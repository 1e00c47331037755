using Ordre.Contracts.Access;

namespace Ordre.Contracts.Conventions;

/// <summary>
/// Conventions' own authorization policies (IDAHE): which roles each admits. The service applies them per endpoint and
/// the gateway per route. A company reaches only its own dossiers (checked by the service: another company's dossier
/// answers 404, its existence is not revealed).
/// </summary>
public static class ConventionsPolicies
{
    /// <summary>Who reads and acts on a dossier: the company that submitted it, the national council that reviews it.</summary>
    public const string DossierParties = "dossier-parties";

    public static IReadOnlyDictionary<string, string[]> RolesAdmitted { get; } = new Dictionary<string, string[]>
    {
        [DossierParties] = [Roles.Company, Roles.NationalCouncil],
    };
}
