using Marten;
using MassTransit;
using Ordre.Contracts.Tableau;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Tableau.Deadlines;
using Ordre.Tableau.Register.Activity;
using Ordre.Tableau.Register.Addresses;
using Ordre.Tableau.Register.Deadlines;
using Ordre.Tableau.Register.Death;
using Ordre.Tableau.Register.Feed;
using Ordre.Tableau.Register.Feed.Subscriptions;
using Ordre.Tableau.Register.Headcount;
using Ordre.Tableau.Register.Qualifications;
using Ordre.Tableau.Register.Reading;
using Ordre.Tableau.Register.Sanctions;
using Ordre.Tableau.Register.Sites;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Tableau.Register.Transfers;

namespace Ordre.Tableau.Register;

/// <summary>Routes, projections and integration events of the register entry (DOMAIN.md §2.3).</summary>
public static class RegisterModule
{
    public static StoreOptions AddRegister(this StoreOptions options)
    {
        options.AddAggregateStream<Practitioner>();
        options.Schema.For<Practitioner>().Index(p => p.NextDeadline);
        options.RegisterIdempotentConsumers();
        options.Schema.For<FhirSubscription>().Index(s => s.Status);
        options.Schema.For<LastPublishedHeadcount>();
        HeadcountCount.IndexTheCount(options);
        return options;
    }

    /// <summary>
    /// The headcount by department and status for the national dashboard (docs/dashboard.md, "Headcount"): a subscription
    /// that notices the register's changes, and the publisher that counts and publishes at most about once a second.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression PublishHeadcount(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        marten.Services.AddSingleton<HeadcountSignal>();
        marten.Services.AddHostedService<HeadcountPublisher>();
        // From the present: the publisher's count at startup covers the register as it stands (no reading of the whole
        // history, the 305,000 imported entries included, when the subscription is new).
        marten.AddSubscriptionWithServices<HeadcountTrigger>(ServiceLifetime.Singleton, options =>
        {
            options.Options.BatchSize = 500;
            options.Options.SubscribeFromPresent();
        });
        return marten;
    }

    /// <summary>Sanctions from the disciplinary chambers, and the clock that applies them on their dates.</summary>
    public static void AddRegisterConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RecordEnforceableSanction>();
        bus.AddConsumer<EndSanction>();
        bus.AddConsumer<EndLapsedEmergencySuspension>();
    }

    /// <summary>A register command is in the jurisdiction of the doctor's department, or of the one a transfer goes to.</summary>
    public static IServiceCollection AddRegisterJurisdiction(this IServiceCollection services) =>
        services.AddRecordJurisdiction(EntryRecord, async (http, user) =>
            http.GetRouteValue("rpps") is string rpps && Contracts.Identifiers.Rpps.IsValid(rpps)
            && await http.RequestServices.GetRequiredService<IQuerySession>().LoadAsync<Practitioner>(PractitionerStream.IdOf(rpps), http.RequestAborted) is { } entry
                ? RegisterChange.OutsideJurisdiction(entry, user)
                : null);

    private const string EntryRecord = "register-entry";

    /// <summary>Suspensions ending, bans starting and ending, strikings-off on their date.</summary>
    /// <summary>The FHIR rest-hook notifier (one instance notifies: see <see cref="FhirSubscriptionNotifier"/>).</summary>
    public static IServiceCollection AddFhirSubscriptions(this IServiceCollection services) =>
        services.AddHostedService<FhirSubscriptionNotifier>();

    public static IServiceCollection AddRegisterDeadlines(this IServiceCollection services) => services.AddDeadlines<RegisterDeadlines>();

    public static void PublishRegisterEvents(IntegrationEventMap map) => map
        .Map<ActivityStatusChanged>((e, c) => new PractitionerStatusChanged(e.Rpps, RegisterStatus.Registered.Name(), e.Activity.ToString(), e.On, c.Timestamp))
        // The authority, never the reason: a health or incompetence reason is health data and does not travel.
        .Map<SuspensionOrdered>((e, c) => new PractitionerSuspended(e.Rpps,
            e.Source == SuspensionSource.ArsEmergency ? SuspensionSources.ArsEmergency : SuspensionSources.RegionalCouncil, e.Partial, e.From, e.Until, c.Timestamp))
        // Measures stack: the end of one leaves the status of those still running (StatusAfter; Registered in older events).
        .Map<SuspensionEnded>((e, c) => new PractitionerStatusChanged(e.Rpps, (e.StatusAfter ?? RegisterStatus.Registered).Name(), null, e.On, c.Timestamp))
        .Map<TransferRequested>((e, c) => new PractitionerStatusChanged(e.Rpps, RegisterStatus.InTransfer.Name(), null, e.On, c.Timestamp))
        .Map<TransferRefused>((e, c) => new PractitionerStatusChanged(e.Rpps, RegisterStatus.Registered.Name(), null, e.On, c.Timestamp))
        .Map<TransferCompleted>((e, c) => new PractitionerTransferred(e.Rpps, e.PreviousDepartment, e.NewDepartment, e.On, c.Timestamp))
        .Map<StrikingOff.PractitionerStruckOff>((e, c) => new Contracts.Tableau.PractitionerStruckOff(e.Rpps, e.Reason.ToString(), e.EffectiveOn, c.Timestamp))
        .Map<PractitionerDied>((e, c) => new PractitionerDeceased(e.Rpps, e.DiedOn, c.Timestamp))
        .Map<PracticeBanStarted>((e, c) => new PractitionerStatusChanged(e.Rpps, RegisterStatus.Banned.Name(), null, e.From, c.Timestamp))
        .Map<PracticeBanEnded>((e, c) => new PractitionerStatusChanged(e.Rpps, (e.StatusAfter ?? RegisterStatus.Registered).Name(), null, e.On, c.Timestamp));

    public static IEndpointRouteBuilder MapRegister(this IEndpointRouteBuilder app)
    {
        var feed = app.MapGroup("/register/feed").WithTags("Flux du Tableau").RequireAuthorization(TableauPolicies.RegisterFeed)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        feed.MapGet("/", ReadFeedEndpoints.Page).WithName("ReadRegisterFeed")
            .WithSummary("Flux des changements publics du Tableau, par pages")
            .WithDescription("Abonnés (identifiants client avec la portée register-feed). Inscriptions, changements de statut, transferts, qualifications reconnues, radiations, décès, avec leur date d'effet, dans l'ordre, chacun à sa position. Reprendre avec after = la valeur next de la page précédente : chaque changement une fois, sans trou.");
        feed.MapGet("/stream", ReadFeedEndpoints.Stream).WithName("FollowRegisterFeed")
            .WithSummary("Flux des changements publics du Tableau, en direct (server-sent events)")
            .WithDescription("Mêmes changements que le flux par pages, poussés dès qu'ils sont validés ; l'identifiant de chaque événement est sa position. Reprise après coupure par l'en-tête Last-Event-ID (ou after).")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        var subscriptions = app.MapGroup("/fhir/Subscription").WithTags("Flux du Tableau FHIR").RequireAuthorization(TableauPolicies.RegisterFeed)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        subscriptions.MapPost("/", SubscribeEndpoints.Create).WithName("FhirCreateSubscription")
            .Accepts<object>(Annuaire.Fhir.FhirEndpoints.MediaType, "application/json")
            .Produces(StatusCodes.Status201Created, contentType: Annuaire.Fhir.FhirEndpoints.MediaType)
            .Produces(StatusCodes.Status400BadRequest, contentType: Annuaire.Fhir.FhirEndpoints.MediaType)
            .WithSummary("S'abonner aux changements du Tableau en FHIR R4 (Subscription rest-hook)")
            .WithDescription("Abonnés (portée register-feed). criteria : Practitioner (tous les changements publics) ou Practitioner?identifier={RPPS} ; channel.type rest-hook ; channel.endpoint : URL http(s) absolue ; channel.payload application/fhir+json (le Practitioner tel que l'annuaire le montre, envoyé par PUT {endpoint}/Practitioner/{RPPS} ; POST vide si le médecin n'est plus visible) ou absent (POST vide) ; channel.header facultatif. Seuls les changements à venir sont notifiés, dans l'ordre, au moins une fois ; après 8 échecs de suite, status = error.");
        subscriptions.MapGet("/{id}", SubscribeEndpoints.Read).WithName("FhirReadSubscription")
            .Produces(StatusCodes.Status200OK, contentType: Annuaire.Fhir.FhirEndpoints.MediaType)
            .Produces(StatusCodes.Status404NotFound, contentType: Annuaire.Fhir.FhirEndpoints.MediaType)
            .WithSummary("Lire un de ses abonnements FHIR (status, error)");
        subscriptions.MapDelete("/{id}", SubscribeEndpoints.Delete).WithName("FhirDeleteSubscription")
            .Produces(StatusCodes.Status204NoContent)
            .Produces(StatusCodes.Status404NotFound, contentType: Annuaire.Fhir.FhirEndpoints.MediaType)
            .WithSummary("Mettre fin à un de ses abonnements FHIR");
        var read = app.MapGroup("/register/{rpps}").WithTags("Tableau").RequireAuthorization(OrdrePolicies.Councils)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/", ReadEntryEndpoints.Entry).WithName("GetRegisterEntry").Audited("register-entry")
            .WithSummary("Lire l'inscription d'un médecin au Tableau")
            .WithDescription("L'inscription entière pour le conseil départemental du médecin, le conseil régional de sa région et les instances nationales ; pour les autres conseils et chambres, sa situation (statut, droit d'exercer, dates) sans motif. Avec asOf (AAAA-MM-JJ) : telle qu'elle était à la fin de ce jour, calculée depuis les décisions et leurs dates d'effet ; l'en-tête Ordre-Known-On donne le jour où le Tableau a appris ce qui la décide.");
        read.MapGet("/history", ReadEntryEndpoints.History).WithName("GetRegisterHistory").Audited("register-history")
            .WithSummary("Historique de l'inscription : chaque changement, dans l'ordre")
            .WithDescription("Conseil départemental du médecin, conseil régional de sa région, instances nationales.");

        var write = app.MapGroup("/register/{rpps}").WithTags("Tableau").RequireAuthorization(TableauPolicies.RegisterAuthority)
            .RequireJurisdiction(EntryRecord)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        write.MapPost("/activity", ChangeActivityEndpoint.Handle).WithName("ChangeActivity")
            .WithSummary("Changer l'exercice (installé, remplaçant non installé, inactif, retraité)")
            .WithDescription("Conseil départemental du médecin.");
        write.MapPost("/address", ChangeAddressEndpoint.Handle).WithName("ChangeProfessionalAddress")
            .WithSummary("Changer l'adresse professionnelle").WithDescription("Conseil départemental du médecin.");
        write.MapPost("/qualifications", RecogniseQualificationEndpoint.Handle).WithName("RecogniseQualification")
            .WithSummary("Reconnaître une qualification").WithDescription("Conseil national.");
        write.MapPost("/qualifications/withdrawal", WithdrawQualificationEndpoint.Handle).WithName("WithdrawQualification")
            .WithSummary("Retirer une qualification").WithDescription("Conseil national.");
        write.MapPost("/transfer", RequestTransferEndpoint.Handle).WithName("RequestTransfer")
            .WithSummary("Enregistrer une demande de transfert vers un autre département")
            .WithDescription("Conseil départemental d'origine. Le médecin disparaît de l'annuaire jusqu'à l'achèvement du transfert.");
        write.MapPost("/transfer/completion", CompleteTransferEndpoint.Handle).WithName("CompleteTransfer")
            .WithSummary("Achever un transfert").WithDescription("Conseil départemental d'accueil, dans les 3 mois de la demande (5 avec une expertise).");
        write.MapPost("/transfer/expertise", DecideTransferEndpoint.OrderExpertise).WithName("OrderTransferExpertise")
            .WithSummary("Ordonner une expertise sur un transfert (délai de décision prolongé de 2 mois)").WithDescription("Conseil départemental d'accueil.");
        write.MapPost("/transfer/refusal", DecideTransferEndpoint.Refuse).WithName("RefuseTransfer")
            .WithSummary("Refuser un transfert, avec ses motifs")
            .WithDescription("Conseil départemental d'accueil. Le médecin reste inscrit dans son département d'origine ; sans décision dans le délai, le transfert est refusé implicitement.");
        write.MapPost("/suspensions", OrderSuspensionEndpoint.Handle).WithName("OrderSuspension")
            .WithSummary("Prononcer une suspension")
            .WithDescription("État de santé ou insuffisance professionnelle : conseil régional, durée déterminée. Urgence : directeur général de l'ARS, 5 mois au plus, fin automatique.");
        write.MapPost("/suspensions/lifting", LiftSuspensionEndpoint.Handle).WithName("LiftSuspension")
            .WithSummary("Lever la suspension en cours").WithDescription("Autorité qui l'a prononcée.");
        write.MapPost("/sites", DeclareSiteEndpoint.Handle).WithName("DeclareDistinctSite")
            .WithSummary("Déclarer un site d'exercice distinct (2 mois au moins avant l'ouverture)")
            .WithDescription("Conseil départemental du médecin, qui peut s'y opposer dans les 2 mois.");
        write.MapPost("/sites/{siteId:guid}/opposition", OpposeSiteEndpoint.Handle).WithName("OpposeDistinctSite")
            .WithSummary("S'opposer à un site distinct (dans les 2 mois de la déclaration)").WithDescription("Conseil départemental du médecin.");
        write.MapPost("/striking-off", StrikeOffEndpoint.Handle).WithName("StrikeOff")
            .WithSummary("Radier du Tableau (cessation d'exercice ou motif administratif)").WithDescription("Conseil départemental du médecin.");
        write.MapPost("/death", RecordDeathEndpoint.Handle).WithName("RecordDeath")
            .WithSummary("Enregistrer le décès").WithDescription("Conseil départemental du médecin.");
        return app;
    }
}
