using JasperFx.Events.Projections;
using Marten;
using Ordre.Contracts.Tableau.Lookup;

namespace Ordre.Discipline.Complaints;

public static class ComplaintsModule
{
    public static StoreOptions AddComplaints(this StoreOptions options)
    {
        options.Projections.Snapshot<Complaint>(SnapshotLifecycle.Inline);
        return options;
    }

    /// <summary>The Tableau's gRPC lookup, called with this service's client-credentials token.</summary>
    public static IServiceCollection AddTableauLookup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServiceTokens();
        services.AddGrpcClient<PractitionerLookup.PractitionerLookupClient>(o =>
                o.Address = new Uri(configuration["Tableau:Grpc"] ?? throw new InvalidOperationException("Configuration 'Tableau:Grpc' is required.")))
            .AddHttpMessageHandler<ServiceTokenHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/complaints").WithTags("Plaintes")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        complaints.MapPost("/", RegisterComplaintEndpoint.Handle).RequireAuthorization(OrdrePolicies.DepartmentalCouncil)
            .WithName("RegisterComplaint").WithSummary("Enregistrer une plainte contre un médecin du département")
            .WithDescription("Le médecin est vérifié auprès du Tableau : inconnu, radié ou décédé → 422 ; inscrit dans un autre département → 403.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        complaints.MapGet("/{id:guid}", ConciliationEndpoints.Get).RequireAuthorization(OrdrePolicies.InscriptionAuthorities)
            .WithName("GetComplaint").WithSummary("Lire une plainte (conseil départemental concerné, Conseil national)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var complaint = complaints.MapGroup("/{id:guid}").RequireAuthorization(OrdrePolicies.DepartmentalCouncil)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        complaint.MapPost("/acknowledgement", ConciliationEndpoints.Acknowledge).WithName("AcknowledgeComplaint")
            .WithSummary("Accuser réception et informer le médecin");
        complaint.MapPost("/conciliators", ConciliationEndpoints.Appoint).WithName("AppointConciliators")
            .WithSummary("Désigner les conciliateurs (aucun mis en cause)");
        complaint.MapPost("/conciliation", ConciliationEndpoints.Hold).WithName("HoldConciliation")
            .WithSummary("Enregistrer la conciliation : Total, Partial, Failed ou Absent");
        complaint.MapPost("/withdrawal", ConciliationEndpoints.Withdraw).WithName("WithdrawComplaint")
            .WithSummary("Enregistrer le retrait de la plainte");
        complaint.MapPost("/transmission", ConciliationEndpoints.Transmit).WithName("TransmitComplaint")
            .WithSummary("Transmettre à la chambre disciplinaire de première instance avec l'avis motivé du conseil");
        return app;
    }
}
