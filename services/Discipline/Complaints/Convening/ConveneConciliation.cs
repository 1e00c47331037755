using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Discipline.Complaints.Convening;

/// <summary>Body of POST /complaints/{id}/convocation.</summary>
public sealed record ConveneConciliation(DateOnly? MeetingOn);

/// <summary>Both parties summoned to meet the conciliators on <paramref name="MeetingOn"/>; <paramref name="Late"/> past the month of L.4123-2.</summary>
public sealed record ConciliationConvened(Guid ComplaintId, DateOnly MeetingOn, DateOnly On, bool Late, string By) : IChanges<Complaint>;

public static class ConveneConciliationEndpoint
{
    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ConveneConciliation command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return ComplaintChange.Apply(id, user, session, c => Decide(c, command, today, user.Actor()), ct);
    }

    /// <summary>L.4123-2: both parties are summoned within a month of the complaint (later is recorded, flagged late).</summary>
    public static Outcome Decide(Complaint complaint, ConveneConciliation command, DateOnly today, string by)
    {
        if (command.MeetingOn is not { } on || on < today)
            return Outcome.Field("meetingOn", "Indiquez la date, à venir, de la réunion de conciliation.");
        if (!complaint.IsOpen || complaint.ConciliationOutcome is not null)
            return new Outcome.NotAllowed("La conciliation de cette plainte a déjà eu lieu ou n'est plus possible.");
        return complaint.Conciliators.Count == 0
            ? new Outcome.NotAllowed("Désignez d'abord les conciliateurs.")
            : new Outcome.Accepted(new ConciliationConvened(complaint.Id, on, today, Late: today > complaint.ConciliationDueOn, by));
    }
}
