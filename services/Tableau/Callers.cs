using System.Security.Claims;
using Ordre.ServiceDefaults.Auth;

namespace Ordre.Tableau;

public static class Callers
{
    /// <summary>Who acts, as events record it: the token's subject.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.FindFirst(OrdreClaims.Subject)?.Value ?? "inconnu";
}
