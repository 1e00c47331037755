using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Calendar;

namespace Ordre.Discipline.Chambers.Notifying;

/// <summary>
/// Where a party lives, for the distance delays added to the appeal window (R.4126-44; CPC 643, DOMAIN open question 12):
/// none in metropolitan France, 1 month overseas, 2 months abroad.
/// </summary>
public enum PartyResidence { MetropolitanFrance, Overseas, Abroad }

/// <summary>
/// Body of POST /cases/{id}/notification (optional): whether the notice states the appeal deadline (when it does not,
/// the window is 2 months, R.4126-32), and where the furthest party lives (the decision becomes final only once that
/// party's window has passed).
/// </summary>
public sealed record NotifyDecision(bool? AppealDeadlineStated = null, PartyResidence? FurthestParty = null);

/// <summary>
/// <paramref name="AppealDeadline"/>: the last day of the longest appeal window (the furthest party's), after which the
/// decision becomes final. <paramref name="DeadlineOmitted"/>: the notice did not state the appeal deadline (2 months).
/// </summary>
public sealed record CaseDecisionNotified(Guid CaseId, DateOnly On, DateOnly AppealDeadline, string By,
    bool DeadlineOmitted = false, PartyResidence FurthestParty = PartyResidence.MetropolitanFrance) : IChanges<ChamberCase>;

/// <summary>L.4113-14: in an emergency case the appeal does not suspend the first-instance sanction, enforceable from the day after notification.</summary>
public sealed record DecisionEnforceablePendingAppeal(Guid CaseId, string Rpps, DecisionOutcome Outcome, DateOnly On, DateOnly From, DateOnly? To, int SuspendedMonths)
    : IChanges<ChamberCase>;

/// <summary>POST /cases/{id}/notification: the first-instance chamber notifies its decision.</summary>
public static class NotifyDecisionEndpoint
{
    /// <summary>
    /// The last day a party may appeal to the national chamber: 30 days from the notification (R.4126-44), or 2 months
    /// when the notice omitted the deadline (R.4126-32), plus the distance delay of a party living overseas (1 month) or
    /// abroad (2 months) (CPC 643, DOMAIN open question 12); a last day on a Saturday, Sunday or public holiday of the
    /// case's department moves to the next working day (DOMAIN open question 13).
    /// </summary>
    public static DateOnly AppealDeadline(DateOnly notifiedOn, string department, bool deadlineOmitted = false,
        PartyResidence residence = PartyResidence.MetropolitanFrance)
    {
        var window = DisciplineRules.Book.After(deadlineOmitted ? DisciplineRules.AppealWhenDeadlineOmitted : DisciplineRules.Appeal, notifiedOn);
        var withDistance = residence switch
        {
            PartyResidence.Overseas => FrenchCalendar.AddMonths(window, DisciplineRules.Book.Value(DisciplineRules.DistanceOverseas, notifiedOn)),
            PartyResidence.Abroad => FrenchCalendar.AddMonths(window, DisciplineRules.Book.Value(DisciplineRules.DistanceAbroad, notifiedOn)),
            _ => window,
        };
        return FrenchCalendar.DeadlineOn(withDistance, department);
    }

    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, NotifyDecision? command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return CaseChange.Apply(id, user, CaseChange.FirstInstance, session, c => Decide(c, today, user.Actor(), command), ct);
    }

    /// <summary>Opens the appeal window; in an emergency case the sanction is enforceable at once, the appeal not suspending it (L.4113-14).</summary>
    public static Outcome Decide(ChamberCase chamberCase, DateOnly today, string by, NotifyDecision? command = null)
    {
        if (chamberCase is not { Status: CaseStatus.Decided, Decision: { } decision })
            return new Outcome.NotAllowed("Seule une décision rendue et non encore notifiée se notifie.");
        var omitted = command?.AppealDeadlineStated == false;
        var furthest = command?.FurthestParty ?? PartyResidence.MetropolitanFrance;
        var notified = new CaseDecisionNotified(chamberCase.Id, today, AppealDeadline(today, chamberCase.Department, omitted, furthest), by, omitted, furthest);
        // A striking-off cannot be undone on the Tableau if the appeal replaces it: it waits for finality.
        if (!chamberCase.EmergencySuspension || decision.Outcome == DecisionOutcome.StrikingOff)
            return new Outcome.Accepted(notified);
        var (from, to) = ChamberRules.Enforcement(decision.Outcome, decision.BanMonths, decision.SuspendedMonths, decision.From, finalOn: today, decision.RevokedMonths);
        return new Outcome.Accepted(notified,
            new DecisionEnforceablePendingAppeal(chamberCase.Id, chamberCase.Rpps, decision.Outcome, today, from, to, decision.SuspendedMonths));
    }
}
