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

    /// <summary>The administrator of a company's account (its own company only: another's answers 404): adds and removes users.</summary>
    public const string CompanyAdministrator = "company-administrator";

    /// <summary>Who reads a company's account: its administrator, the national council that approved it.</summary>
    public const string CompanyAccountReaders = "company-account-readers";

    public static IReadOnlyDictionary<string, string[]> RolesAdmitted { get; } = new Dictionary<string, string[]>
    {
        [DossierParties] = [Roles.Company, Roles.NationalCouncil],
        [CompanyAdministrator] = [Roles.CompanyAdministrator],
        [CompanyAccountReaders] = [Roles.CompanyAdministrator, Roles.NationalCouncil],
    };
}
