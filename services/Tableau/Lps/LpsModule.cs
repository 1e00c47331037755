using Marten;
using Ordre.Contracts.Tableau;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Tableau.Deadlines;
using Ordre.Tableau.Lps.Declaring;
using Ordre.Tableau.Lps.Expiring;
using Ordre.Tableau.Lps.Reading;
using Ordre.Tableau.Lps.Registering;
using Ordre.Tableau.Lps.Renewing;

namespace Ordre.Tableau.Lps;

/// <summary>Declarations of EU doctors' free provision of services, kept by the national council.</summary>
public static class LpsModule
{
    public static StoreOptions AddLps(this StoreOptions options)
    {
        options.AddAggregateStream<LpsDeclaration>();
        options.Schema.For<LpsDeclaration>().Index(d => d.NextDeadline);
        return options;
    }

    /// <summary>A declaration not renewed lapses after its year of validity.</summary>
    /// <summary>LPS requests, first declarations accepted and renewals, counted by the national dashboard (no name, country or qualification).</summary>
    public static void PublishLpsEvents(IntegrationEventMap map) => map
        .Map<LpsDeclarationReceived>((e, c) => new LpsDeclarationRecorded(e.DeclarationId, "Received", e.ReceivedOn, c.Timestamp))
        .Map<LpsDeclarationRegistered>((e, c) => new LpsDeclarationRecorded(e.DeclarationId, "Registered", e.On, c.Timestamp))
        .Map<LpsDeclarationRenewed>((e, c) => new LpsDeclarationRecorded(e.DeclarationId, "Renewed", e.On, c.Timestamp));

    public static IServiceCollection AddLpsDeadlines(this IServiceCollection services) => services.AddDeadlines<ExpireUnrenewedDeclarations>();

    public static IEndpointRouteBuilder MapLps(this IEndpointRouteBuilder app)
    {
        var lps = app.MapGroup("/lps-declarations").WithTags("Libre prestation de services")
            .RequireAuthorization(OrdrePolicies.NationalCouncil)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        lps.MapPost("/", DeclareLpsEndpoint.Handle).WithName("DeclareLps")
            .WithSummary("Enregistrer la déclaration préalable d'un médecin de l'UE/EEE (réponse due sous un mois)");
        lps.MapGet("/{id:guid}", GetLpsDeclarationEndpoint.Handle).WithName("GetLpsDeclaration").Audited("lps-declaration").WithSummary("Lire une déclaration")
            .ProducesProblem(StatusCodes.Status404NotFound);
        lps.MapPost("/{id:guid}/registration", RegisterLpsEndpoint.Handle).WithName("RegisterLps")
            .WithSummary("Enregistrer la prestation pour un an").ProducesProblem(StatusCodes.Status409Conflict);
        lps.MapPost("/{id:guid}/renewal", RenewLpsEndpoint.Handle).WithName("RenewLps")
            .WithSummary("Renouveler la déclaration pour un an").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
