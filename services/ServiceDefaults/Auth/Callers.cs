using System.Security.Claims;

namespace Ordre.ServiceDefaults.Auth;

public static class Callers
{
    /// <summary>Who acts, as events record it: the token's subject.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.FindFirst(OrdreClaims.Subject)?.Value ?? "inconnu";
}
