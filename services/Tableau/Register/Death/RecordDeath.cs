using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Register.Death;

/// <summary>Body of POST /register/{rpps}/death.</summary>
public sealed record RecordDeath(DateOnly? DiedOn);

public sealed record PractitionerDied(Guid PractitionerId, string Rpps, DateOnly DiedOn, string By) : IChanges<Practitioner>;

public static class RecordDeathEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, RecordDeath command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return RegisterChange.Apply(rpps, user, session, RegisterChange.CouncilOfTheDepartment, entry => Decide(entry, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(Practitioner entry, RecordDeath command, DateOnly today, string by)
    {
        if (command.DiedOn is not { } diedOn || diedOn > today)
            return Outcome.Field("diedOn", "Indiquez la date du décès (elle ne peut être dans le futur).");
        if (entry.Status == RegisterStatus.Deceased)
            return new Outcome.Accepted();
        return new Outcome.Accepted(new PractitionerDied(entry.Id, entry.Rpps, diedOn, by));
    }
}
