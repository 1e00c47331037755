using System.Security.Claims;
using Ordre.Contracts.Identifiers;
using Ordre.Contracts.Access;

namespace Ordre.ServiceDefaults.Auth;

/// <summary>
/// The one jurisdiction rule (DESIGN.md, "Who may see and do what"): a departmental council acts within its
/// department; a regional council, a first-instance chamber and a regional health agency within their region;
/// the national council, the national chamber and Ordre services everywhere; anyone else (a doctor, a company,
/// the public) over no department. Every endpoint that touches a doctor's record asks this first, before it
/// validates the body or reveals the record's state.
/// </summary>
public static class Jurisdiction
{
    private static readonly string[] NationalRoles =
        [Roles.NationalCouncil, Roles.NationalChamber, Roles.Service];

    private static readonly string[] RegionalRoles =
        [Roles.RegionalCouncil, Roles.FirstInstanceChamber, Roles.RegionalHealthAgency];

    /// <summary>Whether the caller may act on (and read) records of <paramref name="department"/>.</summary>
    public static bool HasJurisdictionOver(this ClaimsPrincipal user, string? department)
    {
        if (NationalRoles.Any(user.IsInRole))
            return true;
        if (string.IsNullOrEmpty(department))
            return false;
        if (user.IsInRole(Roles.DepartmentalCouncil) && user.FindFirst(OrdreClaims.Department)?.Value == department)
            return true;
        return RegionalRoles.Any(user.IsInRole)
            && user.FindFirst(OrdreClaims.Region)?.Value is { Length: > 0 } region
            && DepartmentCode.RegionOf(department) == region;
    }

    /// <summary>National bodies: the national council and the national chamber.</summary>
    public static bool IsNationalBody(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.NationalCouncil) || user.IsInRole(Roles.NationalChamber);

    /// <summary>The French refusal every service gives when the record lies outside the caller's jurisdiction.</summary>
    public static string OutsideJurisdiction(string department) =>
        $"Ce dossier relève du département {department}, hors du ressort de l'appelant.";
}
