using Marten;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.Discipline.Complaints.Acknowledging;
using Ordre.Discipline.Complaints.AppointingConciliators;
using Ordre.Discipline.Complaints.Conciliating;
using Ordre.Discipline.Complaints.Convening;
using Ordre.Discipline.Complaints.HearingTheDoctor;
using Ordre.Discipline.Complaints.Reading;
using Ordre.Discipline.Complaints.Referring;
using Ordre.Discipline.Complaints.Registering;
using Ordre.Discipline.Complaints.ReportingDefault;
using Ordre.Discipline.Complaints.Transmitting;
using Ordre.Discipline.Complaints.Withdrawing;
using Ordre.ServiceDefaults.Audit;
using Ordre.Contracts.Discipline;

namespace Ordre.Discipline.Complaints;

public static class ComplaintsModule
{
    public static StoreOptions AddComplaints(this StoreOptions options)
    {
        options.AddAggregateStream<Complaint>();
        options.Schema.For<Complaint>().Index(c => c.NextDeadline);
        return options;
    }

    /// <summary>A complaint registered and its conciliation's outcome, counted by the national dashboard (no party, no RPPS, no grounds).</summary>
    public static void PublishComplaints(Ordre.ServiceDefaults.Messaging.IntegrationEventMap map) => map
        .Map<ComplaintRegistered>((e, committed) => new ComplaintLodged(e.ComplaintId, e.Department, e.RegisteredOn, committed.Timestamp))
        .Map<ConciliationHeld>((e, committed) => new ConciliationEnded(e.ComplaintId, e.Outcome.ToString(), e.On, committed.Timestamp));

    /// <summary>A complaint is in the jurisdiction of the council handling it (after a referral, the other one) and of the national council.</summary>
    public static IServiceCollection AddComplaintJurisdiction(this IServiceCollection services) =>
        services.AddRecordJurisdiction(ComplaintRecord, async (http, user) =>
            Guid.TryParse(http.GetRouteValue("id") as string, out var id) && id != Guid.Empty
            && await http.RequestServices.GetRequiredService<IQuerySession>().LoadAsync<Complaint>(id, http.RequestAborted) is { } complaint
                ? ComplaintChange.OutsideJurisdiction(complaint, user)
                : null);

    private const string ComplaintRecord = "complaint";

    /// <summary>
    /// A new complaint is lodged at the council of the doctor's department, as the Tableau answers for the RPPS in the
    /// body: checked before the body is validated. The Tableau unreachable: the endpoint answers 503 itself.
    /// </summary>
    public static IServiceCollection AddNewComplaintJurisdiction(this IServiceCollection services) =>
        services.AddRecordJurisdiction(NewComplaintRecord, async (http, user) =>
        {
            if (await RecordJurisdiction.BodyStringAsync(http, "rpps") is not { } rpps || !Rpps.IsValid(rpps))
                return null;
            try
            {
                var doctor = await RegisterComplaintEndpoint.DoctorAsync(http,
                    http.RequestServices.GetRequiredService<PractitionerLookup.PractitionerLookupClient>(), rpps, http.RequestAborted);
                return RegisterComplaintEndpoint.OutsideJurisdiction(doctor, user);
            }
            catch (Grpc.Core.RpcException)
            {
                return null;
            }
        });

    private const string NewComplaintRecord = "new-complaint";

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
            .RequireJurisdiction(NewComplaintRecord)
            .WithName("RegisterComplaint").WithSummary("Enregistrer une plainte contre un médecin du département")
            .WithDescription("Le médecin est vérifié auprès du Tableau : inconnu, radié ou décédé → 422 ; inscrit dans un autre département → 403.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        complaints.MapGet("/", ListComplaintsEndpoint.Handle).RequireAuthorization(DisciplinePolicies.ComplaintHandlers)
            .WithName("ListComplaints").Audited("complaint").WithSummary("Lister les plaintes traitées par le conseil (le Conseil national : toutes), par page")
            .ProducesValidationProblem();
        complaints.MapGet("/{id:guid}", GetComplaintEndpoint.Handle).RequireAuthorization(DisciplinePolicies.ComplaintHandlers).RequireJurisdiction(ComplaintRecord)
            .WithName("GetComplaint").Audited("complaint").WithSummary("Lire une plainte (conseil départemental qui la traite, Conseil national)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var complaint = complaints.MapGroup("/{id:guid}").RequireAuthorization(OrdrePolicies.DepartmentalCouncil).RequireJurisdiction(ComplaintRecord)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        var national = complaints.MapGroup("/{id:guid}").RequireAuthorization(OrdrePolicies.NationalCouncil).RequireJurisdiction(ComplaintRecord)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        complaint.MapPost("/acknowledgement", AcknowledgeComplaintEndpoint.Handle).WithName("AcknowledgeComplaint")
            .WithSummary("Accuser réception et informer le médecin");
        complaint.MapPost("/conciliators", AppointConciliatorsEndpoint.Handle).WithName("AppointConciliators")
            .WithSummary("Désigner les conciliateurs (aucun mis en cause)");
        complaint.MapPost("/convocation", ConveneConciliationEndpoint.Handle).WithName("ConveneConciliation")
            .WithSummary("Convoquer les parties à la conciliation (dans le mois de la plainte, sinon signalé en retard)");
        complaint.MapPost("/conciliation", HoldConciliationEndpoint.Handle).WithName("HoldConciliation")
            .WithSummary("Enregistrer la conciliation : Total, Partial, Failed ou Absent");
        complaint.MapPost("/withdrawal", WithdrawComplaintEndpoint.Handle).WithName("WithdrawComplaint")
            .WithSummary("Enregistrer le retrait de la plainte");
        complaint.MapPost("/emergency-hearing", RecordEmergencyHearingEndpoint.Handle).WithName("RecordEmergencyHearing")
            .WithSummary("Enregistrer l'audition du médecin suspendu en urgence par le DG ARS (dans les 3 jours, sinon signalée en retard)")
            .ProducesValidationProblem();
        complaints.MapPost("/{id:guid}/transmission", TransmitComplaintEndpoint.Handle).RequireAuthorization(DisciplinePolicies.ComplaintHandlers)
            .RequireJurisdiction(ComplaintRecord)
            .WithName("TransmitComplaint")
            .WithSummary("Transmettre à la chambre disciplinaire de première instance avec l'avis motivé du conseil")
            .WithDescription("Le conseil départemental qui traite la plainte ; le président du Conseil national lorsqu'il a été saisi de la carence du conseil.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        national.MapPost("/recourse", ReportCouncilDefaultEndpoint.Handle).WithName("ReportCouncilDefault")
            .WithSummary("Saisir le président du Conseil national de la carence du conseil départemental (après 3 mois)")
            .WithDescription("Conseil national. Il transmet alors la plainte dans le mois.");
        national.MapPost("/referral", ReferComplaintEndpoint.Handle).WithName("ReferComplaintToAnotherCouncil")
            .WithSummary("Désigner un autre conseil départemental lorsqu'un membre du conseil est mis en cause").WithDescription("Conseil national.");
        return app;
    }
}
