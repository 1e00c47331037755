using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Conventions.Dossiers.Urgency;

/// <summary>Body of POST /dossiers/{id}/urgency-rejection: why the urgency is not justified.</summary>
public sealed record RejectUrgency([property: MaxText(TextLimits.Text)] string? Reasons);

/// <summary>
/// The urgency is rejected as unjustified: the ordinary time to decide applies, counted from the day the clock started
/// (<paramref name="DecisionDueOn"/>; null while documents are awaited).
/// </summary>
public sealed record UrgencyRejected(Guid DossierId, string Reasons, DateOnly On, DateOnly? DecisionDueOn, string By) : IChanges<Dossier>;

public static class RejectUrgencyEndpoint
{
    public static Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RejectUrgency request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return DossierChange.Apply(id, user, session, dossier => Decide(dossier, request, today, user.Actor()), ct);
    }

    /// <summary>Once, on an urgent request still to be decided, before the urgent time to decide has run out.</summary>
    public static Outcome Decide(Dossier dossier, RejectUrgency request, DateOnly today, string by)
    {
        if (string.IsNullOrWhiteSpace(request.Reasons))
            return Outcome.Field("reasons", "Indiquez pourquoi l'urgence n'est pas justifiée.");
        if (!dossier.Urgent)
            return new Outcome.NotAllowed("La demande n'est pas présentée comme urgente.");
        if (dossier.UrgencyRejected)
            return new Outcome.NotAllowed("L'urgence a déjà été rejetée.");
        if (dossier.Status is not (DossierStatus.UnderReview or DossierStatus.AwaitingDocuments))
            return new Outcome.NotAllowed("Il a déjà été statué sur cette demande d'autorisation.");
        if (dossier.DecisionDueOn is { } due && today > due)
            return new Outcome.NotAllowed($"Le délai pour statuer a pris fin le {due:dd/MM/yyyy} : le silence vaut autorisation.");
        DateOnly? ordinary = dossier.Status == DossierStatus.AwaitingDocuments ? null
            : dossier.Amended ? ConventionsRules.AmendedDecisionDueOn(dossier.ClockStartedOn)
            : ConventionsRules.DecisionDueOn(dossier.ClockStartedOn);
        return new Outcome.Accepted(new UrgencyRejected(dossier.Id, request.Reasons.Trim(), today, ordinary, by));
    }
}
