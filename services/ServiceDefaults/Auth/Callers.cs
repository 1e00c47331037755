using System.Security.Claims;
using Ordre.Contracts.Access;

namespace Ordre.ServiceDefaults.Auth;

public static class Callers
{
    /// <summary>Who acts, as events record it: the token's subject.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.FindFirst(OrdreClaims.Subject)?.Value ?? "inconnu";

    /// <summary>The caller is the departmental council of <paramref name="department"/>.</summary>
    public static bool IsCouncilOf(this ClaimsPrincipal user, string department) =>
        user.IsInRole(Roles.DepartmentalCouncil) && user.FindFirst(OrdreClaims.Department)?.Value == department;
}
