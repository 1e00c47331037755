using System.Security.Claims;
using Ordre.Contracts.Access;

namespace Ordre.Tableau.Inscriptions.Appealing;

/// <summary>Regional: the regional council hears the first appeal; National: the national council hears the second (L.4112-4, R.4112-5).</summary>
public enum AppealLevel { Regional, National }

/// <summary>Applicant: against a refusal or an implicit rejection. NationalCouncil: against a registration.</summary>
public enum Appellant { Applicant, NationalCouncil }

public enum AppealOutcome { Confirmed, Reversed }

/// <summary>Who hears an appeal of each level: lodging and deciding share the rule.</summary>
public static class AppealBodies
{
    public static string? Refusal(AppealLevel? level, ClaimsPrincipal user, bool deciding = false) => level switch
    {
        AppealLevel.National when user.IsInRole(Roles.NationalCouncil) => null,
        AppealLevel.National => "Le recours au second degré relève du Conseil national.",
        _ when user.IsInRole(Roles.RegionalCouncil) => null,
        _ when !deciding && user.IsInRole(Roles.NationalCouncil) => null, // the CNOM lodges its own appeal
        _ => "Le recours au premier degré relève du conseil régional.",
    };
}
