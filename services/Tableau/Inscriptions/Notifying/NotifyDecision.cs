using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Inscriptions.Notifying;

/// <summary>Body of POST /inscriptions/{id}/notification: the day the registered letter was sent (today when omitted).</summary>
public sealed record NotifyDecision(DateOnly? NotifiedOn);

/// <summary>The decision was notified; the appeal window runs until <paramref name="AppealDeadline"/> included.</summary>
public sealed record DecisionNotified(Guid InscriptionId, DateOnly On, DateOnly AppealDeadline, string By) : IChanges<Inscription>;

public static class NotifyDecisionEndpoint
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, NotifyDecision command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier,
            d => Decide(d, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(Inscription dossier, NotifyDecision command, DateOnly today, string by)
    {
        var on = command.NotifiedOn ?? today;
        if (on > today)
            return Outcome.Field("notifiedOn", "La notification ne peut être datée dans le futur.");
        if (dossier.Status is not (InscriptionStatus.Granted or InscriptionStatus.Refused) || dossier.DecidedOn is not { } decidedOn)
            return new Outcome.NotAllowed("Seule une décision expresse d'accord ou de refus se notifie.");
        if (dossier.NotifiedOn is not null)
            return new Outcome.NotAllowed("Cette décision a déjà été notifiée.");
        if (on < decidedOn)
            return Outcome.Field("notifiedOn", "La notification ne peut précéder la décision.");
        return new Outcome.Accepted(new DecisionNotified(dossier.Id, on, InscriptionRules.AppealDeadline(on, dossier.Department), by));
    }
}
