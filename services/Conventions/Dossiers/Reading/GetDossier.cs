using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Access;
using Ordre.Conventions.Dossiers.Amending;
using Ordre.Conventions.Dossiers.Beneficiaries;
using Ordre.Conventions.Dossiers.Clock;
using Ordre.Conventions.Dossiers.Deciding;
using Ordre.Conventions.Dossiers.NotifyingIncompleteness;
using Ordre.Conventions.Dossiers.ReceivingDocuments;
using Ordre.Conventions.Dossiers.Recommending;
using Ordre.Conventions.Dossiers.Submitting;
using Ordre.Conventions.Dossiers.Urgency;

namespace Ordre.Conventions.Dossiers.Reading;

/// <summary>
/// One step of a dossier's history: what happened (the event's stored name, stable for programs; <paramref name="Label"/>,
/// the same in French for a person), its version and when it was recorded.
/// </summary>
public sealed record DossierHistoryEntry(long Version, string What, string Label, DateTimeOffset At);

public sealed record DossierWithHistory(Dossier Dossier, IReadOnlyList<DossierHistoryEntry> History);

/// <summary>GET /dossiers/{id}: the company that submitted it, the national council; anyone else gets 404.</summary>
public static class GetDossierEndpoint
{
    public static async Task<Results<Ok<DossierWithHistory>, ProblemHttpResult>> Handle(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Dossier>(id, ct) is not { } dossier || !DossierChange.MaySee(dossier, user))
            return DossierChange.NotFound(id);
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var shown = user.IsInRole(Roles.NationalCouncil) ? dossier : dossier.ForCompany();
        return TypedResults.Ok(new DossierWithHistory(shown, [.. events.Select(e => new DossierHistoryEntry(e.Version, e.EventTypeName, Label(e.Data), e.Timestamp))]));
    }

    public const string OtherChange = "Évolution du dossier";

    /// <summary>What a step of the history means, in French.</summary>
    public static string Label(object change) => change switch
    {
        DossierSubmitted { Regime: Regime.Declaration, Late: true } => "Déclaration reçue moins de 8 jours ouvrables avant l'avantage (en retard)",
        DossierSubmitted { Regime: Regime.Declaration } => "Déclaration reçue",
        DossierSubmitted { Urgent: true } => "Demande d'autorisation reçue, en urgence",
        DossierSubmitted => "Demande d'autorisation reçue",
        BeneficiaryChecked { RegisteredAndPractising: true } => "Bénéficiaire inscrit au Tableau et autorisé à exercer",
        BeneficiaryChecked => "Bénéficiaire non inscrit au Tableau ou non autorisé à exercer",
        RecommendationIssued => "Recommandation du Conseil national",
        DossierIncompleteNotified => "Demande déclarée incomplète : pièces demandées",
        MissingDocumentsReceived => "Pièces manquantes reçues : le délai de décision repart",
        UrgencyRejected => "Urgence rejetée : le délai ordinaire s'applique",
        AuthorisationGranted => "Autorisation accordée",
        AuthorisationRefused => "Autorisation refusée, motifs à l'appui",
        AmendedConventionSubmitted => "Convention modifiée reçue : décision dans les 15 jours",
        AuthorisationDeemedGranted => "Autorisée faute de décision dans le délai (le silence vaut autorisation)",
        DossierClosed => "Déclaration close à la date de l'avantage",
        _ => OtherChange,
    };
}
