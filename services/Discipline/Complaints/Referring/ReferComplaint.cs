using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Discipline.Complaints.Referring;

/// <summary>Body of POST /complaints/{id}/referral.</summary>
public sealed record ReferComplaint([property: MaxText(TextLimits.Code)] string? ToDepartment, [property: MaxText(TextLimits.Text)] string? Reason);

/// <summary>A member of the council being implicated, the national council's president named another council to handle the complaint.</summary>
public sealed record ComplaintReferredToAnotherCouncil(Guid ComplaintId, string FromDepartment, string ToDepartment, string Reason, DateOnly On, string By)
    : IChanges<Complaint>;

public static class ReferComplaintEndpoint
{
    /// <summary>The national council's president names another council when the complaint implicates a member of the first.</summary>
    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ReferComplaint command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return ComplaintChange.Apply(id, user, session, c => Decide(c, command, today, user.Actor()), ct, ComplaintChange.Handler.NationalCouncil);
    }

    /// <summary>L.4123-2: the other council alone then handles the complaint, from a fresh conciliation.</summary>
    public static Outcome Decide(Complaint complaint, ReferComplaint command, DateOnly today, string by)
    {
        var to = command.ToDepartment?.Trim().ToUpperInvariant();
        if (to is null || !DepartmentCode.IsValid(to))
            return Outcome.Field("toDepartment", "Indiquez le département du conseil désigné (ex. 92, 2A, 971).");
        if (to == complaint.HandlingDepartment)
            return Outcome.Field("toDepartment", "Ce conseil traite déjà la plainte.");
        if (string.IsNullOrWhiteSpace(command.Reason))
            return Outcome.Field("reason", "Indiquez le membre du conseil mis en cause.");
        return complaint.IsOpen
            ? new Outcome.Accepted(new ComplaintReferredToAnotherCouncil(complaint.Id, complaint.HandlingDepartment, to, command.Reason.Trim(), today, by))
            : new Outcome.NotAllowed("Cette plainte a été conciliée, retirée ou déjà transmise.");
    }
}
