using System.Security.Claims;
using Ordre.Contracts.Access;

namespace Ordre.Tableau.Register.Suspensions;

/// <summary>
/// Health and Incompetence: ordered by the regional council's restricted panel for a fixed period
/// (R.4124-3, R.4124-3-5). ArsEmergency: the regional health agency's director, at most 5 months,
/// ending by itself (L.4113-14).
/// </summary>
public enum SuspensionSource { Health, Incompetence, ArsEmergency }

public static class SuspensionRules
{
    public const int ArsEmergencyMaxMonths = 5;

    /// <summary>
    /// A suspension is ordered with effect now: its first day lies within a year of the order (either way).
    /// Not a legal limit but the bound that keeps absurd dates (0001-01-01, 9999-12-31) out of the rule's date arithmetic.
    /// </summary>
    public const int StartWithinYears = 1;

    /// <summary>A fixed period is renewable (R.4124-3): one period of more than 5 years is refused as an input error.</summary>
    public const int MaxFixedPeriodYears = 5;

    /// <summary>The restricted panel of a regional council for health and incompetence, the ARS for its emergency measure.</summary>
    public static string? AuthorityFor(SuspensionSource? source, ClaimsPrincipal user) => source switch
    {
        SuspensionSource.ArsEmergency when user.IsInRole(Roles.RegionalHealthAgency) => null,
        SuspensionSource.ArsEmergency => "Seul le directeur général de l'ARS prononce ou lève une suspension d'urgence.",
        null when user.IsInRole(Roles.RegionalCouncil) || user.IsInRole(Roles.RegionalHealthAgency) => null,
        _ when user.IsInRole(Roles.RegionalCouncil) => null,
        _ => "Seule la formation restreinte du conseil régional prononce ou lève cette suspension.",
    };
}
