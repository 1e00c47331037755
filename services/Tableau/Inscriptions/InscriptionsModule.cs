using JasperFx.Events.Projections;
using Marten;
using Ordre.Contracts.Tableau;
using Ordre.ServiceDefaults.Auth;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Tableau.Inscriptions.Deciding;
using Ordre.Tableau.Inscriptions.Reading;
using Ordre.Tableau.Inscriptions.Requesting;

namespace Ordre.Tableau.Inscriptions;

/// <summary>Routes, projections and integration events of the inscription slices.</summary>
public static class InscriptionsModule
{
    public static StoreOptions AddInscriptions(this StoreOptions options)
    {
        options.Projections.Snapshot<Inscription>(SnapshotLifecycle.Inline);
        options.Schema.For<RppsClaim>();
        return options;
    }

    public static void PublishInscriptionEvents(IntegrationEventMap map) => map
        .Map<InscriptionGranted>((e, committed) => new PractitionerRegistered(
            e.InscriptionId, e.Rpps, e.Department, e.LastName, e.FirstName, e.Specialty, e.GrantedOn, committed.Timestamp))
        .Map<Deciding.InscriptionRefused>((e, committed) => new Contracts.Tableau.InscriptionRefused(
            e.InscriptionId, e.Rpps, e.Department, e.Motives, e.RefusedOn, committed.Timestamp));

    public static IEndpointRouteBuilder MapInscriptions(this IEndpointRouteBuilder app)
    {
        var inscriptions = app.MapGroup("/inscriptions")
            .WithTags("Inscriptions")
            .RequireAuthorization(OrdrePolicies.DepartmentalCouncil)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        inscriptions.MapPost("/", RequestInscriptionEndpoint.Handle)
            .WithName("RequestInscription")
            .WithSummary("Enregistrer une demande d'inscription au Tableau")
            .WithDescription("Le conseil départemental enregistre la demande d'un médecin de son département. Le RPPS, le département, l'identité, la date de naissance, le diplôme et la spécialité sont contrôlés.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        inscriptions.MapGet("/{id:guid}", GetInscriptionEndpoint.Handle)
            .WithName("GetInscription")
            .WithSummary("Lire un dossier d'inscription")
            .WithDescription("Réservé au conseil départemental du dossier. L'en-tête ETag porte la version à renvoyer dans If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        inscriptions.MapPost("/{id:guid}/decision", DecideInscriptionEndpoint.Handle)
            .WithName("DecideInscription")
            .WithSummary("Statuer sur une demande d'inscription")
            .WithDescription("Accorder l'inscription, ou la refuser avec au moins un motif. If-Match (facultatif) protège contre une décision concurrente : 409 si le dossier a changé.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
