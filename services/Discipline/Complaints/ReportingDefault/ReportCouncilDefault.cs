using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Discipline.Complaints.ReportingDefault;

/// <summary>The complainant reported the council's failure to act to the national council's president, who transmits within a month.</summary>
public sealed record CouncilDefaultReported(Guid ComplaintId, DateOnly On, DateOnly NationalTransmissionDueOn, string By) : IChanges<Complaint>;

public static class ReportCouncilDefaultEndpoint
{
    /// <summary>The complainant's recourse to the national council's president when the council did not transmit in 3 months.</summary>
    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return ComplaintChange.Apply(id, user, session, c => Decide(c, today, user.Actor()), ct, ComplaintChange.Handler.NationalCouncil);
    }

    public static Outcome Decide(Complaint complaint, DateOnly today, string by)
    {
        if (!complaint.IsOpen)
            return new Outcome.NotAllowed("Cette plainte a été conciliée, retirée ou déjà transmise.");
        if (complaint.NationalTransmissionDueOn is not null)
            return new Outcome.NotAllowed("Le président du Conseil national est déjà saisi.");
        return complaint.TransmissionOverdue
            ? new Outcome.Accepted(new CouncilDefaultReported(complaint.Id, today, DisciplineRules.Book.After(DisciplineRules.NationalTransmission, today), by))
            : new Outcome.NotAllowed($"Le conseil départemental a jusqu'au {complaint.TransmissionDueOn:dd/MM/yyyy} pour transmettre la plainte.");
    }
}
