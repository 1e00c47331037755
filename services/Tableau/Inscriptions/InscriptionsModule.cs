using Marten;
using Ordre.Contracts.Tableau;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Tableau.Deadlines;
using Ordre.Tableau.Inscriptions.Appealing;
using Ordre.Tableau.Inscriptions.Deadlines;
using Ordre.Tableau.Inscriptions.Deciding;
using Ordre.Tableau.Inscriptions.Instructing;
using Ordre.Tableau.Inscriptions.Notifying;
using Ordre.Tableau.Inscriptions.Reading;
using Ordre.Tableau.Inscriptions.Requesting;
using Ordre.Tableau.Inscriptions.Training;
using Ordre.Tableau.Inscriptions.Withdrawing;

namespace Ordre.Tableau.Inscriptions;

/// <summary>Routes, projections and integration events of the inscription slices.</summary>
public static class InscriptionsModule
{
    public static StoreOptions AddInscriptions(this StoreOptions options)
    {
        options.AddAggregateStream<Inscription>();
        options.Schema.For<Inscription>().Index(i => i.NextDeadline).Index(i => i.Rpps);
        options.Schema.For<RppsClaim>();
        return options;
    }

    /// <summary>A dossier is in the jurisdiction of its department (its council, its region's council, the national council).</summary>
    public static IServiceCollection AddInscriptionJurisdiction(this IServiceCollection services) =>
        services.AddRecordJurisdiction(DossierRecord, async (http, user) =>
            Guid.TryParse(http.GetRouteValue("id") as string, out var id) && id != Guid.Empty
            && await http.RequestServices.GetRequiredService<IQuerySession>().LoadAsync<Inscription>(id, http.RequestAborted) is { } dossier
                ? InscriptionChange.OutsideJurisdiction(dossier, user)
                : null);

    private const string DossierRecord = "inscription";

    /// <summary>A new dossier (or junior doctor) names its department in the body: checked before the body is validated.</summary>
    public static IServiceCollection AddNewDossierJurisdiction(this IServiceCollection services) =>
        services.AddRecordJurisdiction(NewDossierRecord, async (http, user) =>
            InscriptionChange.NewDossierOutsideJurisdiction(await RecordJurisdiction.BodyStringAsync(http, "department"), user));

    public const string NewDossierRecord = "new-dossier";

    /// <summary>The council's silence past the decision deadline is a rejection.</summary>
    public static IServiceCollection AddInscriptionDeadlines(this IServiceCollection services) => services.AddDeadlines<SilentRejection>();

    public static void PublishInscriptionEvents(IntegrationEventMap map) => map
        .Map<InscriptionGranted>((e, committed) => new PractitionerRegistered(
            e.InscriptionId, e.Rpps, e.Department, e.LastName, e.FirstName, e.Specialty, e.GrantedOn, committed.Timestamp))
        .Map<Deciding.InscriptionRefused>((e, committed) => new Contracts.Tableau.InscriptionRefused(
            e.InscriptionId, e.Rpps, e.Department, e.Motives, e.RefusedOn, committed.Timestamp))
        .Map<Deadlines.InscriptionImplicitlyRejected>((e, committed) => new Contracts.Tableau.InscriptionImplicitlyRejected(
            e.InscriptionId, e.Rpps, e.Department, e.On, committed.Timestamp))
        .Map<Withdrawing.InscriptionAnnulled>((e, committed) => new Contracts.Tableau.InscriptionAnnulled(
            e.InscriptionId, e.Rpps, e.Reason, e.On, committed.Timestamp));

    public static IEndpointRouteBuilder MapInscriptions(this IEndpointRouteBuilder app)
    {
        var inscriptions = app.MapGroup("/inscriptions").WithTags("Inscriptions")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        RouteHandlerBuilder Council(RouteHandlerBuilder endpoint) => endpoint.RequireAuthorization(OrdrePolicies.DepartmentalCouncil);

        Council(inscriptions.MapPost("/", RequestInscriptionEndpoint.Handle)).RequireJurisdiction(NewDossierRecord)
            .WithName("RequestInscription")
            .WithSummary("Enregistrer une demande d'inscription au Tableau")
            .WithDescription("Le conseil départemental enregistre la demande d'un médecin de son département. Le RPPS, le département, l'identité, la date de naissance, le diplôme et la spécialité sont contrôlés. Sans pièce manquante, le dossier est complet et le délai de 3 mois (6 avec enquête à l'étranger) court.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        inscriptions.MapGet("/{id:guid}", GetInscriptionEndpoint.Handle)
            .RequireAuthorization(TableauPolicies.InscriptionAuthorities).RequireJurisdiction(DossierRecord)
            .WithName("GetInscription").Audited("inscription")
            .WithSummary("Lire un dossier d'inscription")
            .WithDescription("Conseil départemental du dossier, conseils régional et national. L'en-tête ETag porte la version à renvoyer dans If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var dossier = inscriptions.MapGroup("/{id:guid}").RequireJurisdiction(DossierRecord)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        Council(dossier.MapPost("/documents-requested", RequestDocumentsEndpoint.Handle)).WithName("RequestDocuments")
            .WithSummary("Demander des pièces manquantes (le dossier redevient incomplet)");
        Council(dossier.MapPost("/completion", CompleteDossierEndpoint.Handle)).WithName("CompleteDossier")
            .WithSummary("Constater que le dossier est complet (le délai de décision court)");
        Council(dossier.MapPost("/rapporteur", AppointRapporteurEndpoint.Handle)).WithName("AppointRapporteur")
            .WithSummary("Désigner le conseiller rapporteur");
        Council(dossier.MapPost("/expertise", RequestExpertiseEndpoint.Handle)).WithName("RequestExpertise")
            .WithSummary("Saisir le conseil régional pour expertise (doute sérieux)");
        Council(dossier.MapPost("/expertise-report", RecordExpertReportEndpoint.Handle)).WithName("RecordExpertReport")
            .WithSummary("Enregistrer le rapport d'expertise");
        Council(dossier.MapPost("/training-obligations", RecordTrainingObligationsMetEndpoint.Handle)).WithName("RecordTrainingObligationsMet")
            .WithSummary("Constater que les obligations de formation d'un refus sont accomplies")
            .WithDescription("Tant qu'elles ne le sont pas, une nouvelle demande du même médecin est irrecevable (409).");
        Council(dossier.MapPost("/decision", DecideInscriptionEndpoint.Handle)).WithName("DecideInscription")
            .WithSummary("Statuer sur une demande d'inscription")
            .WithDescription("Accorder l'inscription, ou la refuser avec au moins un motif (et les obligations de formation en cas d'insuffisance). If-Match (facultatif) protège contre une décision concurrente : 409 si le dossier a changé.");
        Council(dossier.MapPost("/notification", NotifyDecisionEndpoint.Handle)).WithName("NotifyDecision")
            .WithSummary("Enregistrer la notification de la décision (ouvre le délai de recours de 30 jours)");
        dossier.MapPost("/appeals", LodgeAppealEndpoint.Handle).RequireAuthorization(TableauPolicies.AppealBodies).WithName("LodgeAppeal")
            .WithSummary("Enregistrer un recours (conseil régional, puis Conseil national)")
            .WithDescription("Le demandeur conteste un refus ou un rejet implicite ; le Conseil national conteste une inscription. 30 jours à compter de la notification, du rejet implicite ou de la décision régionale.");
        dossier.MapPost("/appeals/decision", DecideAppealEndpoint.Handle).RequireAuthorization(TableauPolicies.AppealBodies).WithName("DecideAppeal")
            .WithSummary("Statuer sur le recours (confirmation ou infirmation)");
        dossier.MapPost("/withdrawal", WithdrawInscriptionEndpoint.Handle).RequireAuthorization(OrdrePolicies.NationalCouncil).WithName("WithdrawInscription")
            .WithSummary("Retirer une inscription non contestée (Conseil national, dans les 3 mois suivant le délai de recours)");
        return app;
    }
}
