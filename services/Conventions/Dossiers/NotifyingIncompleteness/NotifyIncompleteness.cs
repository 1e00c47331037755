using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Conventions.Dossiers.NotifyingIncompleteness;

/// <summary>Body of POST /dossiers/{id}/incompleteness: the documents the authorisation request lacks.</summary>
public sealed record NotifyIncompleteness([property: MaxItems(TextLimits.Items, TextLimits.Line)] IReadOnlyList<string>? Missing);

/// <summary>The clock to decide stops; it starts again, for 2 months, on receipt of the missing documents.</summary>
public sealed record DossierIncompleteNotified(Guid DossierId, IReadOnlyList<string> Missing, DateOnly On, string By) : IChanges<Dossier>;

public static class NotifyIncompletenessEndpoint
{
    public static Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, NotifyIncompleteness request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return DossierChange.Apply(id, user, session, dossier => Decide(dossier, request, today, user.Actor()), ct);
    }

    /// <summary>R.1453-18: within 1 month of receipt, once, on an authorisation request under review.</summary>
    public static Outcome Decide(Dossier dossier, NotifyIncompleteness request, DateOnly today, string by)
    {
        var missing = (request.Missing ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList();
        if (missing.Count == 0)
            return Outcome.Field("missing", "Indiquez au moins une pièce manquante.");
        if (dossier.Regime != Regime.Authorisation)
            return new Outcome.NotAllowed("Une déclaration ne fait pas l'objet d'une demande de pièces.");
        if (dossier.Status != DossierStatus.UnderReview)
            return new Outcome.NotAllowed("La demande d'autorisation n'est plus à l'instruction.");
        if (dossier.NotifiedIncomplete || dossier.Amended)
            return new Outcome.NotAllowed("Le dossier a déjà été déclaré incomplet.");
        if (today > dossier.IncompletenessNoticeDueOn)
            return new Outcome.NotAllowed($"Le délai d'un mois pour déclarer le dossier incomplet a pris fin le {dossier.IncompletenessNoticeDueOn:dd/MM/yyyy}.");
        return new Outcome.Accepted(new DossierIncompleteNotified(dossier.Id, missing, today, by));
    }
}
