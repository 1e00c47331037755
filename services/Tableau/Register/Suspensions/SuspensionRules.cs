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
    // The limits are rows of TableauRules: ArsEmergencyMaximum (5 months, L.4113-14), SuspensionStartWindow (a first
    // day within a year of the order either way: not a legal limit but the bound that keeps absurd dates out of the date
    // arithmetic) and SuspensionMaximumPeriod (a fixed period is renewable, R.4124-3: one of more than 5 years is an input error).

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
