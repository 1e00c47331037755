using System.Globalization;
using JasperFx.Events;
using Marten;
using Ordre.Contracts.Conventions;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.Conventions.Dossiers.Amending;
using Ordre.Conventions.Dossiers.Clock;
using Ordre.Conventions.Dossiers.Deciding;
using Ordre.Conventions.Dossiers.NotifyingIncompleteness;
using Ordre.Conventions.Dossiers.Reading;
using Ordre.Conventions.Dossiers.ReceivingDocuments;
using Ordre.Conventions.Dossiers.Recommending;
using Ordre.Conventions.Dossiers.Reviewing;
using Ordre.Conventions.Dossiers.Submitting;
using Ordre.Conventions.Dossiers.Uploading;
using Ordre.Conventions.Dossiers.Urgency;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Messaging;

namespace Ordre.Conventions.Dossiers;

public static class DossiersModule
{
    public const string DossierRecord = "convention-dossier";

    public static StoreOptions AddDossiers(this StoreOptions options)
    {
        options.AddAggregateStream<Dossier>();
        // The company's dossiers newest first (GET /dossiers) read from one index, whatever their number: (company, day of
        // receipt, id) — a company with a year of uploads (1.3 million dossiers) listed them in 7.5 s by a full scan and
        // sort; the same index serves every query by company, so the write path keeps two indexes.
        options.Schema.For<Dossier>().Index(d => d.NextDeadline).Index(d => new { d.CompanyId, d.ReceivedOn, d.Id });
        options.Schema.For<CompanySubmission>();
        options.Schema.For<ConventionUpload>().Index(u => u.CompanyId);
        options.Schema.For<ConventionUploadBatch>().Index(r => r.UploadId);
        options.Events.AddEventType<DossiersSubmittedInBatch>();
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

    /// <summary>The figures the dashboard counts: by regime, category and month; no beneficiary, no company reference, no amount.</summary>
    public static void PublishDossierEvents(IntegrationEventMap map) => map
        // A dossier of an upload's batch is counted by its batch's one message, not published by itself (issue 12 §9).
        .Map<DossierSubmitted>((e, committed) => e.BatchId is not null ? null : new ConventionDossierSubmitted(
            e.DossierId, e.Regime.ToString(), e.Category.ToString(), Month(e.ReceivedOn), e.Late, e.Urgent, committed.Timestamp))
        .Map<DossiersSubmittedInBatch>((e, committed) => new ConventionDossiersSubmitted(e.BatchId, Month(e.ReceivedOn),
            [.. e.Tally.Select(t => new ConventionDossierCount(t.Regime.ToString(), t.Category.ToString(), t.Late, t.Urgent, t.Dossiers))], committed.Timestamp))
        .Map<RecommendationIssued>((e, committed) => Decided(committed, e.DossierId, Regime.Declaration, e.Category, "RecommendationIssued", e.On))
        .Map<AuthorisationGranted>((e, committed) => Decided(committed, e.DossierId, Regime.Authorisation, e.Category, "Authorised", e.On))
        .Map<AuthorisationRefused>((e, committed) => Decided(committed, e.DossierId, Regime.Authorisation, e.Category, "Refused", e.On))
        .Map<AuthorisationDeemedGranted>((e, committed) => new ConventionAuthorisationDeemedGranted(
            e.DossierId, e.Category.ToString(), Month(e.On), committed.Timestamp));

    private static ConventionDossierDecided Decided(IEvent committed, Guid id, Regime regime, ConventionCategory category, string decision, DateOnly on) =>
        new(id, regime.ToString(), category.ToString(), decision, Month(on), committed.Timestamp);

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IEndpointRouteBuilder MapDossiers(this IEndpointRouteBuilder app)
    {
        var dossiers = app.MapGroup("/dossiers").WithTags("Dossiers de conventions")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        dossiers.MapPost("/", SubmitDossierEndpoint.Handle).RequireAuthorization(OrdrePolicies.Company)
            .WithName("SubmitDossier").WithSummary("Soumettre une convention (l'entreprise du jeton)")
            .WithDescription("Le régime (déclaration ou autorisation) est calculé d'après les montants et les seuils de l'arrêté du 7 août 2020 ; " +
                             "une convention relevant des deux régimes donne deux dossiers liés. La même référence avec le même contenu répond le premier résultat ; " +
                             "avec un autre contenu, 409. Le bénéficiaire médecin est vérifié auprès du Tableau (inscrit et autorisé à exercer : oui/non).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        dossiers.MapGet("/", ListOwnDossiersEndpoint.Handle).RequireAuthorization(OrdrePolicies.Company)
            .WithName("ListOwnDossiers").Audited(DossierRecord).WithSummary("Suivre ses dossiers (l'entreprise du jeton), les plus récents d'abord, par page")
            .WithDescription($"Le total est exact jusqu'à {ListOwnDossiersEndpoint.CountedExactly} dossiers (ou jusqu'à la page demandée, si elle est plus loin) : " +
                             "au-delà, total vaut cette borne et totalIsExact vaut false (« plus de … »). hasMore dit toujours exactement s'il existe une page suivante.")
            .ProducesValidationProblem();
        dossiers.MapGet("/{id:guid}", GetDossierEndpoint.Handle).RequireAuthorization(ConventionsPolicies.DossierParties)
            .WithName("GetDossier").Audited(DossierRecord).WithSummary("Lire un dossier et son historique (l'entreprise qui l'a soumis, le Conseil national)")
            .WithDescription("Le dossier d'une autre entreprise répond 404 : son existence n'est pas révélée.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        dossiers.MapPost("/{id:guid}/missing-documents", SendMissingDocumentsEndpoint.Handle).RequireAuthorization(OrdrePolicies.Company)
            .WithName("SendMissingDocuments").WithSummary("Transmettre les pièces demandées (les deux mois pour statuer courent de nouveau)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        dossiers.MapPost("/{id:guid}/amended-convention", AmendConventionEndpoint.Handle).RequireAuthorization(OrdrePolicies.Company)
            .WithName("AmendConvention").WithSummary("Envoyer une convention modifiée après un refus, dans les quinze jours (nouvelle décision dans les quinze jours)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var national = dossiers.MapGroup("/{id:guid}").RequireAuthorization(OrdrePolicies.NationalCouncil)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        national.MapPost("/recommendation", IssueRecommendationEndpoint.Handle).WithName("IssueRecommendation")
            .WithSummary("Émettre une recommandation sur une déclaration (Conseil national)");
        national.MapPost("/incompleteness", NotifyIncompletenessEndpoint.Handle).WithName("NotifyIncompleteness")
            .WithSummary("Déclarer incomplète une demande d'autorisation, dans le mois de sa réception (Conseil national)");
        national.MapPost("/urgency-rejection", RejectUrgencyEndpoint.Handle).WithName("RejectUrgency")
            .WithSummary("Rejeter l'urgence comme injustifiée : le délai ordinaire s'applique (Conseil national)");
        national.MapPost("/authorisation", DecideAuthorisationEndpoint.Grant).WithName("GrantAuthorisation")
            .WithSummary("Autoriser la convention, au plus tard le dernier jour du délai (Conseil national)");
        national.MapPost("/refusal", DecideAuthorisationEndpoint.Refuse).WithName("RefuseAuthorisation")
            .WithSummary("Refuser l'autorisation, motifs à l'appui (Conseil national)");

        var uploads = app.MapGroup("/uploads").WithTags("Envois de conventions en CSV").RequireAuthorization(OrdrePolicies.Company)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        uploads.MapPost("/", UploadConventionsEndpoint.Handle).WithName("UploadConventions")
            .WithMetadata(new RequestSizeLimitAttribute(UploadConventionsEndpoint.LargestFile))
            .WithSummary("Envoyer un fichier CSV de conventions (l'entreprise du jeton), vérifié ligne par ligne ; ?mode=test : vérifier sans rien enregistrer")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The body is read as a stream by the handler (no bound parameter): the document states it here, without an
                // Accepts filter that would answer 415 before the handler's French problem.
                operation.RequestBody = UploadConventionsEndpoint.RequestBody();
                return Task.CompletedTask;
            })
            .WithDescription("Une ligne d'en-tête puis une convention (un avantage) par ligne ; colonnes, dans n'importe quel ordre : " +
                             string.Join(", ", ConventionCsv.Required) + " (obligatoires), " + string.Join(", ", ConventionCsv.Optional) +
                             " (selon le bénéficiaire) ; « ; » ou « , », UTF-8 avec ou sans BOM ; dates AAAA-MM-JJ ou JJ/MM/AAAA, montants en euros " +
                             "(1500,00). 50 Mio au plus, taille déclarée (Content-Length ; un envoi en morceaux est refusé, 411) ; corps text/csv ou " +
                             "formulaire multipart/form-data (son premier fichier). Les lignes valides sont enregistrées par lots de 1 000 (un lot : tout ou rien), les autres " +
                             "listées avec leur ligne, leur colonne et un message ; une ligne déjà enregistrée avec le même contenu ne change rien.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status411LengthRequired).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        uploads.MapGet("/", ReadUploadEndpoint.List).WithName("ListOwnUploads")
            .WithSummary("Suivre ses envois (l'entreprise du jeton) : les plus récents d'abord, par page, leur avancement et leurs décomptes")
            .ProducesValidationProblem();
        uploads.MapGet("/{id:guid}", ReadUploadEndpoint.Handle).WithName("GetUpload")
            .WithSummary("Suivre un envoi : lignes lues, pourcentage du fichier, lignes acceptées, inchangées, refusées")
            .ProducesProblem(StatusCodes.Status404NotFound);
        uploads.MapGet("/{id:guid}/report", ReadUploadEndpoint.Report).WithName("GetUploadReport")
            .WithSummary("Rapport d'un envoi, ligne par ligne (JSON ; ?format=csv ou Accept: text/csv pour un CSV)")
            .Produces<UploadReport>(StatusCodes.Status200OK, "application/json")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The same report as CSV (a second Produces for the same status would replace the JSON one).
                operation.Responses?["200"].Content?.TryAdd("text/csv", new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "ligne;reference;resultat;colonne;message" },
                });
                return Task.CompletedTask;
            })
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/review", ReviewQueueEndpoint.Handle).WithTags("Dossiers de conventions").RequireAuthorization(OrdrePolicies.NationalCouncil)
            .WithName("ReviewDossiers").Audited(DossierRecord)
            .WithSummary("File d'examen du Conseil national : par régime, catégorie, entreprise, état ; échéance la plus proche d'abord, par page")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
