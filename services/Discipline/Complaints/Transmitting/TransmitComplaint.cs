using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Chambers.Opening;
using Ordre.ServiceDefaults.Requests;
using Ordre.Contracts.Access;

namespace Ordre.Discipline.Complaints.Transmitting;

/// <summary>Body of POST /complaints/{id}/transmission: the council's reasoned opinion, and whether it joins the complaint.</summary>
public sealed record TransmitComplaint([property: MaxText(TextLimits.Text)] string? Opinion, bool CouncilJoins);

/// <summary>Sent to the first-instance chamber with the council's reasoned opinion; <paramref name="Late"/> past the 3 months.</summary>
public sealed record ComplaintTransmittedToChamber(Guid ComplaintId, string Opinion, bool CouncilJoins, DateOnly On, bool Late, string By, Guid? CaseId = null)
    : IChanges<Complaint>;

public static class TransmitComplaintEndpoint
{
    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, TransmitComplaint command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        var caseId = Guid.CreateVersion7(clock.GetUtcNow());
        var byNationalCouncil = user.IsInRole(Roles.NationalCouncil);
        return ComplaintChange.Apply(id, user, session, c => Decide(c, command, today, user.Actor(), caseId, byNationalCouncil), ct,
            ComplaintChange.Handler.CouncilOrNationalCouncil,
            // The chamber's case opens in the same transaction as the transmission.
            (complaint, events) =>
            {
                if (events.OfType<ComplaintTransmittedToChamber>().SingleOrDefault() is { CaseId: { } opened } sent)
                    session.Events.StartStream<ChamberCase>(opened,
                        OpenCase.OnTransmission(opened, complaint.Id, complaint.Rpps, complaint.Department, sent.On, complaint.EmergencySuspension));
            });
    }

    /// <summary>
    /// After a conciliation that did not settle everything, or directly for a complaint by an authority; or by the
    /// national council's president once seized by the complainant (within a month).
    /// </summary>
    public static Outcome Decide(Complaint complaint, TransmitComplaint command, DateOnly today, string by, Guid caseId, bool byNationalCouncil = false)
    {
        if (string.IsNullOrWhiteSpace(command.Opinion))
            return Outcome.Field("opinion", "La transmission à la chambre est accompagnée de l'avis motivé du conseil.");
        if (!complaint.IsOpen)
            return new Outcome.NotAllowed("Cette plainte a été conciliée, retirée ou déjà transmise.");
        if (byNationalCouncil)
            return complaint.NationalTransmissionDueOn is { } due
                ? new Outcome.Accepted(new ComplaintTransmittedToChamber(complaint.Id, command.Opinion.Trim(), command.CouncilJoins, today, Late: today > due, by, caseId))
                : new Outcome.NotAllowed("Le président du Conseil national transmet une plainte lorsque le plaignant l'a saisi de la carence du conseil départemental.");
        if (complaint.ConciliationOutcome is null && complaint.Complainant.Kind != ComplainantKind.Authority)
            return new Outcome.NotAllowed("La conciliation doit avoir eu lieu avant la transmission à la chambre.");
        return new Outcome.Accepted(new ComplaintTransmittedToChamber(complaint.Id, command.Opinion.Trim(), command.CouncilJoins, today,
            Late: today > complaint.TransmissionDueOn, by, caseId));
    }
}
