using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Discipline.Complaints.Conciliating;

/// <summary>Body of POST /complaints/{id}/conciliation.</summary>
public sealed record HoldConciliation(ConciliationOutcome? Outcome);

public sealed record ConciliationHeld(Guid ComplaintId, ConciliationOutcome Outcome, DateOnly On, string By) : IChanges<Complaint>;

public static class HoldConciliationEndpoint
{
    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, HoldConciliation command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return ComplaintChange.Apply(id, user, session, c => Decide(c, command, today, user.Actor()), ct);
    }

    /// <summary>R.4123-20: held on or after the meeting day; a total conciliation closes the complaint.</summary>
    public static Outcome Decide(Complaint complaint, HoldConciliation command, DateOnly today, string by)
    {
        if (command.Outcome is not { } outcome)
            return Outcome.Field("outcome", "Issue de la conciliation : Total, Partial, Failed ou Absent.");
        if (!complaint.IsOpen || complaint.ConciliationOutcome is not null)
            return new Outcome.NotAllowed("La conciliation de cette plainte a déjà eu lieu ou n'est plus possible.");
        if (complaint.ConciliationMeetingOn is not { } meeting)
            return new Outcome.NotAllowed("Convoquez d'abord les parties devant les conciliateurs.");
        return meeting > today
            ? new Outcome.NotAllowed($"La réunion de conciliation est prévue le {meeting:dd/MM/yyyy}.")
            : new Outcome.Accepted(new ConciliationHeld(complaint.Id, outcome, today, by));
    }
}
