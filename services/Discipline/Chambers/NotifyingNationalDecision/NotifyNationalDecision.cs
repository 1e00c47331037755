using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Discipline.Chambers.LodgingCassation;

namespace Ordre.Discipline.Chambers.NotifyingNationalDecision;

/// <summary>
/// The national chamber notified its decision: the 2 months of cassation run from this day (R.4126-48) to
/// <paramref name="CassationDeadline"/>, moved off a Saturday, Sunday or public holiday of the case's department.
/// </summary>
public sealed record NationalDecisionNotified(Guid CaseId, DateOnly On, DateOnly CassationDeadline, string By) : IChanges<ChamberCase>;

/// <summary>POST /cases/{id}/appeal/decision/notification: the national chamber notifies its decision.</summary>
public static class NotifyNationalDecisionEndpoint
{
    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return CaseChange.Apply(id, user, CaseChange.National, session, c => Decide(c, today, user.Actor()), ct);
    }

    /// <summary>Once, after the national chamber ruled; opens the cassation window (R.4126-48).</summary>
    public static Outcome Decide(ChamberCase chamberCase, DateOnly today, string by)
    {
        if (chamberCase.NationalDecisionOn is null)
            return new Outcome.NotAllowed("La chambre nationale n'a pas encore statué dans cette affaire.");
        if (chamberCase.NationalNotifiedOn is { } notified)
            return new Outcome.NotAllowed($"La décision de la chambre nationale a déjà été notifiée le {notified:dd/MM/yyyy}.");
        return new Outcome.Accepted(new NationalDecisionNotified(chamberCase.Id, today,
            LodgeCassationEndpoint.CassationDeadline(today, chamberCase.Department), by));
    }
}
