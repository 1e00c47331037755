using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Register.Suspensions;

/// <summary>POST /register/{rpps}/suspensions/lifting: the authority that ordered the suspension lifts it.</summary>
public static class LiftSuspensionEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return RegisterChange.Apply(rpps, user, session, (entry, caller) => SuspensionRules.AuthorityFor(entry.Suspension?.Source, caller),
            entry => Decide(entry, today, user.Actor()), ct);
    }

    public static Outcome Decide(Practitioner entry, DateOnly today, string by) =>
        entry.Suspension is { } suspension
            ? new Outcome.Accepted([.. Sanctions.StatusAfter.Stamp(entry, [new SuspensionEnded(entry.Id, entry.Rpps, suspension.SuspensionId, SuspensionEnd.Lifted, today, by)])])
            : new Outcome.NotAllowed("Ce médecin n'est pas suspendu.");
}
