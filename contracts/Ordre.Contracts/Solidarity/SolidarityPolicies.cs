using Ordre.Contracts.Access;

namespace Ordre.Contracts.Solidarity;

/// <summary>
/// Solidarity's own authorization policies: which roles each admits. Solidarity applies them per endpoint and the
/// gateway per route (the same names, so they live with Solidarity's contracts). The fund itself (opening accounts,
/// transfers, the global check, verify) is the national council's: it uses the shared <c>national-council</c> policy.
/// </summary>
public static class SolidarityPolicies
{
    /// <summary>Who reads a ledger account: a departmental or regional council (its own accounts only), the national council.</summary>
    public const string LedgerAccountReaders = "ledger-account-readers";

    /// <summary>Who files an entraide aid request: a departmental council (for a doctor of its department), a member of the national commission.</summary>
    public const string AidRequestFilers = "aid-request-filers";

    /// <summary>
    /// Who may ask for aid requests: departmental councils, commission members, the national council. Need-to-know is
    /// then decided per request (the details only for the assigned members and the doctor's council; others 404).
    /// </summary>
    public const string AidRequestReaders = "aid-request-readers";

    /// <summary>A member of the Commission nationale d'entraide (decides the cases assigned to it).</summary>
    public const string EntraideCommission = "entraide-commission";

    /// <summary>Who counts helpline calls: the national commission's members, the national council.</summary>
    public const string HelplineRecorders = "helpline-recorders";

    public static IReadOnlyDictionary<string, string[]> RolesAdmitted { get; } = new Dictionary<string, string[]>
    {
        [LedgerAccountReaders] = [Roles.DepartmentalCouncil, Roles.RegionalCouncil, Roles.NationalCouncil],
        [AidRequestFilers] = [Roles.DepartmentalCouncil, Roles.EntraideCommission],
        [AidRequestReaders] = [Roles.DepartmentalCouncil, Roles.EntraideCommission, Roles.NationalCouncil],
        [EntraideCommission] = [Roles.EntraideCommission],
        [HelplineRecorders] = [Roles.EntraideCommission, Roles.NationalCouncil],
    };
}
