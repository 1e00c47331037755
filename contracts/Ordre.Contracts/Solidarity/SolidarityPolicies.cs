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

    public static IReadOnlyDictionary<string, string[]> RolesAdmitted { get; } = new Dictionary<string, string[]>
    {
        [LedgerAccountReaders] = [Roles.DepartmentalCouncil, Roles.RegionalCouncil, Roles.NationalCouncil],
    };
}
