using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Calendar;

namespace Ordre.Discipline.Chambers.Notifying;

public sealed record CaseDecisionNotified(Guid CaseId, DateOnly On, DateOnly AppealDeadline, string By) : IChanges<ChamberCase>;

/// <summary>L.4113-14: in an emergency case the appeal does not suspend the first-instance sanction, enforceable from the day after notification.</summary>
public sealed record DecisionEnforceablePendingAppeal(Guid CaseId, string Rpps, DecisionOutcome Outcome, DateOnly On, DateOnly From, DateOnly? To, int SuspendedMonths)
    : IChanges<ChamberCase>;

/// <summary>POST /cases/{id}/notification: the first-instance chamber notifies its decision.</summary>
public static class NotifyDecisionEndpoint
{
    /// <summary>
    /// R.4126-44: 30 days to appeal to the national chamber, from the notification; a last day on a Saturday, Sunday or
    /// public holiday of the case's department moves to the next working day (DOMAIN open question 13).
    /// </summary>
    public static DateOnly AppealDeadline(DateOnly notifiedOn, string department) =>
        FrenchCalendar.DeadlineOn(DisciplineRules.Book.After(DisciplineRules.Appeal, notifiedOn), department);

    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return CaseChange.Apply(id, user, CaseChange.FirstInstance, session, c => Decide(c, today, user.Actor()), ct);
    }

    /// <summary>Opens the appeal window; in an emergency case the sanction is enforceable at once, the appeal not suspending it (L.4113-14).</summary>
    public static Outcome Decide(ChamberCase chamberCase, DateOnly today, string by)
    {
        if (chamberCase is not { Status: CaseStatus.Decided, Decision: { } decision })
            return new Outcome.NotAllowed("Seule une décision rendue et non encore notifiée se notifie.");
        var notified = new CaseDecisionNotified(chamberCase.Id, today, AppealDeadline(today, chamberCase.Department), by);
        // A striking-off cannot be undone on the Tableau if the appeal replaces it: it waits for finality.
        if (!chamberCase.EmergencySuspension || decision.Outcome == DecisionOutcome.StrikingOff)
            return new Outcome.Accepted(notified);
        var (from, to) = ChamberRules.Enforcement(decision.Outcome, decision.BanMonths, decision.SuspendedMonths, decision.From, finalOn: today, decision.RevokedMonths);
        return new Outcome.Accepted(notified,
            new DecisionEnforceablePendingAppeal(chamberCase.Id, chamberCase.Rpps, decision.Outcome, today, from, to, decision.SuspendedMonths));
    }
}
