using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Contracts.Access;

namespace Ordre.ServiceDefaults.Auth;

/// <summary>
/// The authorization policies every service shares, named after who calls (a role or a group of roles). A service's
/// own policies (e.g. TableauPolicies) live in its contracts and are added with <see cref="AddRolePolicies"/>. The
/// gateway applies them per route and every service again per endpoint: every endpoint names one; one that forgets
/// is closed by the fallback policy.
/// </summary>
public static class OrdrePolicies
{
    /// <summary>Anyone, without a token (the public directory). Rate-limited at the gateway.</summary>
    public const string Public = "public";
    /// <summary>Any authenticated caller.</summary>
    public const string Authenticated = "authenticated";
    /// <summary>A departmental council (CDOM) whose token names its department.</summary>
    public const string DepartmentalCouncil = "departmental-council";
    /// <summary>A regional council (CROM).</summary>
    public const string RegionalCouncil = "regional-council";
    /// <summary>A disciplinary chamber: first instance (CDPI) or national (CDN).</summary>
    public const string DisciplinaryChamber = "disciplinary-chamber";
    /// <summary>The national council (CNOM).</summary>
    public const string NationalCouncil = "national-council";
    /// <summary>A company (IDAHE) whose token names its company id.</summary>
    public const string Company = "company";
    /// <summary>Councils and chambers, which read register entries and their history.</summary>
    public const string Councils = "councils";
    /// <summary>Another Ordre service calling with its client-credentials token.</summary>
    public const string Service = "service";

    private const string Cdom = Roles.DepartmentalCouncil, Crom = Roles.RegionalCouncil,
        Cdpi = Roles.FirstInstanceChamber, Cdn = Roles.NationalChamber, Cnom = Roles.NationalCouncil,
        Ars = Roles.RegionalHealthAgency;

    /// <summary>
    /// The policy table: which roles each role-based policy admits. <see cref="Public"/> admits everyone and
    /// <see cref="Authenticated"/> any token; the departmental-council and company policies also require the claim
    /// that names the department or the company. Tests read this table to build the role × endpoint matrix.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> RolesAdmitted { get; } = new Dictionary<string, string[]>
    {
        [DepartmentalCouncil] = [Cdom],
        [RegionalCouncil] = [Crom],
        [DisciplinaryChamber] = [Cdpi, Cdn],
        [NationalCouncil] = [Cnom],
        [Company] = [Roles.Company],
        [Councils] = [Cdom, Crom, Cnom, Cdpi, Cdn],
        [Service] = [Roles.Service],
    };

    /// <summary>A service's own policies (its contracts' table): registered by the service and by the gateway, which applies them per route.</summary>
    /// <remarks>A policy named in <paramref name="scopesRequired"/> also requires that scope in the token.</remarks>
    public static IServiceCollection AddRolePolicies(this IServiceCollection services, IReadOnlyDictionary<string, string[]> rolesAdmitted,
        IReadOnlyDictionary<string, string>? scopesRequired = null) =>
        services.Configure<AuthorizationOptions>(options =>
        {
            foreach (var (name, roles) in rolesAdmitted)
                options.AddPolicy(name, p =>
                {
                    p.RequireAuthenticatedUser().RequireRole(roles);
                    if (scopesRequired?.GetValueOrDefault(name) is { } scope)
                        p.RequireAssertion(context => HasScope(context.User, scope));
                });
        });

    /// <summary>Whether the token grants <paramref name="scope"/>: OpenIddict writes the scopes space-separated in one claim.</summary>
    public static bool HasScope(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.FindAll(OrdreClaims.Scope).Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope));

    public static void AddOrdrePolicies(this AuthorizationOptions options)
    {
        // Deny by default: an endpoint that names no policy (and is not explicitly anonymous) is closed to everyone.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAssertion(_ => false).Build();
        options.AddPolicy(Public, p => p.RequireAssertion(_ => true));
        options.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser());
        foreach (var (name, roles) in RolesAdmitted)
            options.AddPolicy(name, p =>
            {
                p.RequireAuthenticatedUser().RequireRole(roles);
                if (name == DepartmentalCouncil)
                    p.RequireClaim(OrdreClaims.Department);
                if (name == Company)
                    p.RequireClaim(OrdreClaims.CompanyId);
            });
    }
}
