using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Discipline.Complaints.Acknowledging;

public sealed record ComplaintAcknowledged(Guid ComplaintId, DateOnly On, string By) : IChanges<Complaint>;

/// <summary>POST /complaints/{id}/acknowledgement: the council acknowledges the complaint and informs the doctor.</summary>
public static class AcknowledgeComplaintEndpoint
{
    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return ComplaintChange.Apply(id, user, session, c => Decide(c, today, user.Actor()), ct);
    }

    public static Outcome Decide(Complaint complaint, DateOnly today, string by) => complaint.Status == ComplaintStatus.Registered
        ? new Outcome.Accepted(new ComplaintAcknowledged(complaint.Id, today, by))
        : new Outcome.NotAllowed("Cette plainte a déjà été enregistrée et accusée.");
}
