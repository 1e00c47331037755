using Microsoft.AspNetCore.Authorization;

namespace Ordre.ServiceDefaults.Auth;

/// <summary>
/// The named authorization policies. The gateway applies them per route and every service applies
/// them again per endpoint: every endpoint names one of these; one that forgets is closed by the fallback policy.
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
    /// <summary>Whoever may change a register entry: departmental, regional or national council, or the ARS.
    /// Each endpoint then checks which one of them (e.g. the council of the doctor's department).</summary>
    public const string RegisterAuthority = "register-authority";
    /// <summary>Councils that act on inscription dossiers: departmental (its own), regional and national (appeals).</summary>
    public const string InscriptionAuthorities = "inscription-authorities";
    /// <summary>Who hears appeals on inscriptions: the regional council, then the national council.</summary>
    public const string AppealBodies = "appeal-bodies";
    /// <summary>Who handles complaints: the departmental council (its own), the national council (recourse, referral).</summary>
    public const string ComplaintHandlers = "complaint-handlers";
    /// <summary>Who reads disciplinary cases: the first-instance chamber (its region), the national chamber and council.</summary>
    public const string DisciplinaryCaseReaders = "disciplinary-case-readers";
    /// <summary>Another Ordre service calling with its client-credentials token.</summary>
    public const string Service = "service";

    private const string Cdom = OrdreClaims.Roles.DepartmentalCouncil, Crom = OrdreClaims.Roles.RegionalCouncil,
        Cdpi = OrdreClaims.Roles.FirstInstanceChamber, Cdn = OrdreClaims.Roles.NationalChamber, Cnom = OrdreClaims.Roles.NationalCouncil,
        Ars = OrdreClaims.Roles.RegionalHealthAgency;

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
        [Company] = [OrdreClaims.Roles.Company],
        [Councils] = [Cdom, Crom, Cnom, Cdpi, Cdn],
        [RegisterAuthority] = [Cdom, Crom, Cnom, Ars],
        [InscriptionAuthorities] = [Cdom, Crom, Cnom],
        [AppealBodies] = [Crom, Cnom],
        [ComplaintHandlers] = [Cdom, Cnom],
        [DisciplinaryCaseReaders] = [Cdpi, Cdn, Cnom],
        [Service] = [OrdreClaims.Roles.Service],
    };

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
