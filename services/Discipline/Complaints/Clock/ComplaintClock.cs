namespace Ordre.Discipline.Complaints.Clock;

/// <summary>Raised by the clock: a month passed without the parties being convened.</summary>
public sealed record ConciliationDeadlinePassed(Guid ComplaintId, DateOnly DueOn, DateOnly On) : IChanges<Complaint>;

/// <summary>Raised by the clock: three months passed without transmission; the complainant may now turn to the national council's president.</summary>
public sealed record TransmissionDeadlinePassed(Guid ComplaintId, DateOnly DueOn, DateOnly On) : IChanges<Complaint>;

/// <summary>Raised by the clock: L.4113-14, the 3 days to hear the doctor suspended in an emergency passed with no hearing recorded.</summary>
public sealed record EmergencyHearingDeadlinePassed(Guid ComplaintId, string Rpps, DateOnly DueOn, DateOnly On) : IChanges<Complaint>;

/// <summary>What the clock does to a complaint (swept daily by <see cref="Deadlines.DisciplineDeadlines"/>).</summary>
public static class ComplaintClock
{
    /// <summary>
    /// What the clock does on <paramref name="today"/>: flags the 3 days to hear a doctor suspended in an emergency, the
    /// month to convene, then the 3 months to transmit, as run out.
    /// </summary>
    public static IReadOnlyList<object> DueOn(Complaint complaint, DateOnly today)
    {
        var due = new List<object>();
        if (complaint.EmergencyHearingDeadline is { } hearing && hearing <= today)
            due.Add(new EmergencyHearingDeadlinePassed(complaint.Id, complaint.Rpps, complaint.EmergencyHearingDueOn!.Value, today));
        if (complaint.ProcedureDeadline is { } procedure && procedure <= today)
            due.Add(complaint.ConciliationMeetingOn is null && !complaint.ConciliationOverdue && complaint.Complainant.Kind != ComplainantKind.Authority
                ? new ConciliationDeadlinePassed(complaint.Id, complaint.ConciliationDueOn, today)
                : new TransmissionDeadlinePassed(complaint.Id, complaint.TransmissionDueOn, today));
        return due;
    }
}
