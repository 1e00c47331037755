using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Discipline.Complaints.HearingTheDoctor;

/// <summary>Body of POST /complaints/{id}/emergency-hearing: the day the DG ARS heard the suspended doctor (today when absent).</summary>
public sealed record RecordEmergencyHearing(DateOnly? HeldOn);

/// <summary>L.4113-14: the doctor suspended in an emergency was heard; <paramref name="Late"/> after the 3 days.</summary>
public sealed record EmergencyHearingRecorded(Guid ComplaintId, DateOnly HeldOn, bool Late, string By) : IChanges<Complaint>;

public static class RecordEmergencyHearingEndpoint
{
    /// <summary>The council handling the complaint records the hearing the agency held (the agency acts through it).</summary>
    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RecordEmergencyHearing command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return ComplaintChange.Apply(id, user, session, c => Decide(c, command, today, user.Actor()), ct);
    }

    /// <summary>L.4113-14: the doctor is heard within 3 days of the suspension; a later hearing is recorded, flagged late.</summary>
    public static Outcome Decide(Complaint complaint, RecordEmergencyHearing command, DateOnly today, string by)
    {
        if (command.HeldOn > today)
            return Outcome.Field("heldOn", "L'audition ne peut être datée dans le futur.");
        if (complaint.EmergencyHearingDueOn is not { } due)
            return new Outcome.NotAllowed("Cette plainte ne fait pas suite à une suspension d'urgence de l'ARS.");
        if (complaint.EmergencyHearingHeldOn is { } heard)
            return new Outcome.NotAllowed($"L'audition du médecin a déjà été enregistrée (le {heard:dd/MM/yyyy}).");
        var heldOn = command.HeldOn ?? today;
        return new Outcome.Accepted(new EmergencyHearingRecorded(complaint.Id, heldOn, Late: heldOn > due, by));
    }
}
