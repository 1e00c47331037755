using JasperFx.Events.Projections;
using Marten;
using Ordre.ServiceDefaults.Audit;

namespace Ordre.Tableau.Lps;

/// <summary>Declarations of EU doctors' free provision of services, kept by the national council.</summary>
public static class LpsModule
{
    public static StoreOptions AddLps(this StoreOptions options)
    {
        options.Projections.Snapshot<LpsDeclaration>(SnapshotLifecycle.Inline);
        options.Schema.For<LpsDeclaration>().Index(d => d.NextDeadline);
        return options;
    }

    public static IEndpointRouteBuilder MapLps(this IEndpointRouteBuilder app)
    {
        var lps = app.MapGroup("/lps-declarations").WithTags("Libre prestation de services")
            .RequireAuthorization(OrdrePolicies.NationalCouncil)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        lps.MapPost("/", LpsEndpoints.Declare).WithName("DeclareLps")
            .WithSummary("Enregistrer la déclaration préalable d'un médecin de l'UE/EEE (réponse due sous un mois)");
        lps.MapGet("/{id:guid}", LpsEndpoints.Get).WithName("GetLpsDeclaration").Audited("lps-declaration").WithSummary("Lire une déclaration")
            .ProducesProblem(StatusCodes.Status404NotFound);
        lps.MapPost("/{id:guid}/registration", LpsEndpoints.Register).WithName("RegisterLps")
            .WithSummary("Enregistrer la prestation pour un an").ProducesProblem(StatusCodes.Status409Conflict);
        lps.MapPost("/{id:guid}/renewal", LpsEndpoints.Renew).WithName("RenewLps")
            .WithSummary("Renouveler la déclaration pour un an").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
