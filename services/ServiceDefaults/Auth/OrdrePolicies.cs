using Microsoft.AspNetCore.Authorization;

namespace Ordre.ServiceDefaults.Auth;

/// <summary>
/// The named authorization policies. The gateway applies them per route and every service applies
/// them again per endpoint: every endpoint names one of these, none relies on a default.
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

    public static void AddOrdrePolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(Public, p => p.RequireAssertion(_ => true));
        options.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser());
        options.AddPolicy(DepartmentalCouncil, p => p.RequireAuthenticatedUser()
            .RequireRole(OrdreClaims.Roles.DepartmentalCouncil)
            .RequireClaim(OrdreClaims.Department));
        options.AddPolicy(RegionalCouncil, p => p.RequireAuthenticatedUser()
            .RequireRole(OrdreClaims.Roles.RegionalCouncil));
        options.AddPolicy(DisciplinaryChamber, p => p.RequireAuthenticatedUser()
            .RequireRole(OrdreClaims.Roles.FirstInstanceChamber, OrdreClaims.Roles.NationalChamber));
        options.AddPolicy(NationalCouncil, p => p.RequireAuthenticatedUser()
            .RequireRole(OrdreClaims.Roles.NationalCouncil));
        options.AddPolicy(Company, p => p.RequireAuthenticatedUser()
            .RequireRole(OrdreClaims.Roles.Company)
            .RequireClaim(OrdreClaims.CompanyId));
        options.AddPolicy(Councils, p => p.RequireAuthenticatedUser()
            .RequireRole(OrdreClaims.Roles.DepartmentalCouncil, OrdreClaims.Roles.RegionalCouncil, OrdreClaims.Roles.NationalCouncil,
                OrdreClaims.Roles.FirstInstanceChamber, OrdreClaims.Roles.NationalChamber));
        options.AddPolicy(RegisterAuthority, p => p.RequireAuthenticatedUser()
            .RequireRole(OrdreClaims.Roles.DepartmentalCouncil, OrdreClaims.Roles.RegionalCouncil, OrdreClaims.Roles.NationalCouncil,
                OrdreClaims.Roles.RegionalHealthAgency));
        options.AddPolicy(InscriptionAuthorities, p => p.RequireAuthenticatedUser()
            .RequireRole(OrdreClaims.Roles.DepartmentalCouncil, OrdreClaims.Roles.RegionalCouncil, OrdreClaims.Roles.NationalCouncil));
        options.AddPolicy(AppealBodies, p => p.RequireAuthenticatedUser()
            .RequireRole(OrdreClaims.Roles.RegionalCouncil, OrdreClaims.Roles.NationalCouncil));
        options.AddPolicy(ComplaintHandlers, p => p.RequireAuthenticatedUser()
            .RequireRole(OrdreClaims.Roles.DepartmentalCouncil, OrdreClaims.Roles.NationalCouncil));
        options.AddPolicy(DisciplinaryCaseReaders, p => p.RequireAuthenticatedUser()
            .RequireRole(OrdreClaims.Roles.FirstInstanceChamber, OrdreClaims.Roles.NationalChamber, OrdreClaims.Roles.NationalCouncil));
        options.AddPolicy(Service, p => p.RequireAuthenticatedUser()
            .RequireRole(OrdreClaims.Roles.Service));
    }
}
