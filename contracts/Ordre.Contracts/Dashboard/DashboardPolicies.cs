using Ordre.Contracts.Access;

namespace Ordre.Contracts.Dashboard;

/// <summary>
/// The dashboard's own authorization policy: the national council's figures, live stream and operators' health panel
/// (issue 14). The dashboard applies it per endpoint and the gateway per route.
/// </summary>
public static class DashboardPolicies
{
    /// <summary>Who reads the national dashboard: the national council (CNOM).</summary>
    public const string NationalDashboard = "national-dashboard";

    public static IReadOnlyDictionary<string, string[]> RolesAdmitted { get; } = new Dictionary<string, string[]>
    {
        [NationalDashboard] = [Roles.NationalCouncil],
    };
}
