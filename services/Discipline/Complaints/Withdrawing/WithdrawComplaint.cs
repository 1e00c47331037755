using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Discipline.Complaints.Withdrawing;

public sealed record ComplaintWithdrawn(Guid ComplaintId, DateOnly On, string By) : IChanges<Complaint>;

/// <summary>POST /complaints/{id}/withdrawal: the complainant withdrew, while the complaint is still open.</summary>
public static class WithdrawComplaintEndpoint
{
    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return ComplaintChange.Apply(id, user, session, c => Decide(c, today, user.Actor()), ct);
    }

    public static Outcome Decide(Complaint complaint, DateOnly today, string by) => complaint.IsOpen
        ? new Outcome.Accepted(new ComplaintWithdrawn(complaint.Id, today, by))
        : new Outcome.NotAllowed("Une plainte conciliée, retirée ou transmise ne peut plus être retirée.");
}
