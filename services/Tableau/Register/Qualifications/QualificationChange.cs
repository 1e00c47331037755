using System.Security.Claims;
using Ordre.ServiceDefaults.Requests;
using Ordre.Contracts.Access;

namespace Ordre.Tableau.Register.Qualifications;

/// <summary>Body of POST /register/{rpps}/qualifications and …/qualifications/withdrawal.</summary>
public sealed record QualificationChange([property: MaxText(TextLimits.Line)] string? Qualification);

/// <summary>Qualifications are recognised or withdrawn by the national council after its commissions.</summary>
public static class QualificationAuthority
{
    public static string? NationalCouncilOnly(Practitioner entry, ClaimsPrincipal user) =>
        user.IsInRole(Roles.NationalCouncil) ? null : "Les qualifications sont reconnues par le Conseil national.";
}
