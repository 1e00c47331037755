using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Discipline.Chambers.RulingOnCassation;

/// <summary>Body of POST /cases/{id}/cassation/decision: the Conseil d'État's outcome.</summary>
public sealed record RecordCassation(CassationOutcome? Outcome);

/// <summary>The Conseil d'État ruled; an annulment ends the sanction (published as SanctionEnded).</summary>
public sealed record CassationDecided(Guid CaseId, string Rpps, CassationOutcome Outcome, DateOnly On, string By, Guid? SanctionId = null)
    : IChanges<ChamberCase>;

public static class RecordCassationOutcomeEndpoint
{
    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RecordCassation command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return CaseChange.Apply(id, user, CaseChange.National, session, c => Decide(c, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(ChamberCase chamberCase, RecordCassation command, DateOnly today, string by)
    {
        if (command.Outcome is not { } ruling)
            return Outcome.Field("outcome", "NotAdmitted, Rejected ou Annulled.");
        if (chamberCase.CassationLodgedOn is null || chamberCase.Cassation is not null)
            return new Outcome.NotAllowed("Aucun pourvoi n'est pendant dans cette affaire.");
        return new Outcome.Accepted(new CassationDecided(chamberCase.Id, chamberCase.Rpps, ruling, today, by, chamberCase.SanctionId));
    }
}
