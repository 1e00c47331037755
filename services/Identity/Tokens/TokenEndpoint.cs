using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Ordre.Identity.Accounts;
using Ordre.Identity.Clients;
using Ordre.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Ordre.Contracts.Access;
using Ordre.Contracts.Tableau;

namespace Ordre.Identity.Tokens;

/// <summary>
/// POST /connect/token. OpenIddict has already validated the client and the grant; this decides who
/// the caller is and which claims the access token carries: role, department, region, company id. A client of the
/// client-credentials grant is an Ordre service (role service) or a company's person (its roles and company id, from
/// the client's properties: Clients/CompanyClientsEndpoint.cs).
/// </summary>
public static class TokenEndpoint
{
    public const string Audience = "ordre-api";

    public static async Task<IResult> Handle(HttpContext http, IOptionsSnapshot<DemoAccounts> accounts, IOpenIddictApplicationManager applications)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");

        ClaimsIdentity identity;
        if (request.IsPasswordGrantType())
        {
            if (accounts.Value.Find(request.Username, request.Password) is not { } account)
                return Refuse(Errors.InvalidGrant, "Identifiant ou mot de passe incorrect.");
            identity = IdentityOf(account);
        }
        else if (request.IsAuthorizationCodeGrantType())
        {
            // The code (already checked by OpenIddict, with the PKCE verifier) carries the claims given at sign-in
            // (Authorization/AuthorizeEndpoint.cs): the account is looked up again so that a removed one gets nothing.
            var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (code.Principal?.GetClaim(Claims.Subject) is not { } subject || accounts.Value.Named(subject) is not { } account)
                return Refuse(Errors.InvalidGrant, "Ce compte n'existe plus.");
            identity = IdentityOf(account);
            identity.SetScopes(code.Principal.GetScopes());
            identity.SetResources(Audience);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        else if (request.IsClientCredentialsGrantType())
        {
            var client = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("OpenIddict validated an unknown client.");
            var name = await applications.GetDisplayNameAsync(client) ?? request.ClientId!;
            // A company's person (provisioned by Conventions): its company's roles and id, never the services' role.
            if (await CompanyClientsEndpoint.CompanyOf(applications, client, http.RequestAborted) is { } company)
            {
                identity = NewIdentity(request.ClientId!, name, company.Roles);
                identity.SetClaim(OrdreClaims.CompanyId, company.CompanyId);
            }
            // A client allowed the register-feed scope is a subscriber of the register, not an Ordre service.
            else if (await applications.HasPermissionAsync(client, Permissions.Prefixes.Scope + TableauPolicies.RegisterFeedScope))
            {
                identity = NewIdentity(request.ClientId!, name, [Roles.RegisterSubscriber]);
            }
            else
            {
                identity = NewIdentity(request.ClientId!, name, [Roles.Service]);
            }
        }
        else
        {
            return Refuse(Errors.UnsupportedGrantType, "Type d'autorisation non pris en charge.");
        }

        identity.SetScopes(request.GetScopes());
        identity.SetResources(Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>A demo account's identity: its roles, department, region and company id (password grant and code flow).</summary>
    public static ClaimsIdentity IdentityOf(DemoAccount account)
    {
        var identity = NewIdentity(account.UserName, account.DisplayName, account.Roles);
        AddIfPresent(identity, OrdreClaims.Department, account.Department);
        AddIfPresent(identity, OrdreClaims.Region, account.Region);
        AddIfPresent(identity, OrdreClaims.CompanyId, account.CompanyId);
        return identity;
    }

    private static ClaimsIdentity NewIdentity(string subject, string name, IEnumerable<string> roles)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject).SetClaim(Claims.Name, name);
        identity.SetClaims(Claims.Role, [.. roles]);
        return identity;
    }

    private static void AddIfPresent(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value)) identity.SetClaim(type, value);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
