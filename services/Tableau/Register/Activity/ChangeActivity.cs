using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Register.Activity;

/// <summary>Body of POST /register/{rpps}/activity.</summary>
/// <param name="Activity">Regular (installé), Replacement (remplaçant non installé), TemporarilyInactive, Retired.</param>
public sealed record ChangeActivity(ActivityStatus? Activity);

public sealed record ActivityStatusChanged(Guid PractitionerId, string Rpps, ActivityStatus Activity, DateOnly On, string By) : IChanges<Practitioner>;

public static class ChangeActivityEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, ChangeActivity command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return RegisterChange.Apply(rpps, user, session, RegisterChange.CouncilOfTheDepartment, entry => Decide(entry, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(Practitioner entry, ChangeActivity command, DateOnly today, string by)
    {
        if (command.Activity is not { } activity)
            return Outcome.Field("activity", "Indiquez l'exercice : Regular, Replacement, TemporarilyInactive ou Retired.");
        if (entry.Status != RegisterStatus.Registered)
            return new Outcome.NotAllowed("L'exercice ne change que pour un médecin inscrit, ni suspendu, ni en transfert, ni radié.");
        return activity == entry.Activity
            ? new Outcome.Accepted()
            : new Outcome.Accepted(new ActivityStatusChanged(entry.Id, entry.Rpps, activity, today, by));
    }
}
