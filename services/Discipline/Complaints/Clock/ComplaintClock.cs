namespace Ordre.Discipline.Complaints.Clock;

/// <summary>Raised by the clock: a month passed without the parties being convened.</summary>
public sealed record ConciliationDeadlinePassed(Guid ComplaintId, DateOnly DueOn, DateOnly On) : IChanges<Complaint>;

/// <summary>Raised by the clock: three months passed without transmission; the complainant may now turn to the national council's president.</summary>
public sealed record TransmissionDeadlinePassed(Guid ComplaintId, DateOnly DueOn, DateOnly On) : IChanges<Complaint>;

/// <summary>What the clock does to a complaint (swept daily by <see cref="Deadlines.DisciplineDeadlines"/>).</summary>
public static class ComplaintClock
{
    /// <summary>What the clock does on <paramref name="today"/>: flags the month to convene, then the 3 months to transmit, as run out.</summary>
    public static IReadOnlyList<object> DueOn(Complaint complaint, DateOnly today) => complaint.NextDeadline is { } due && due <= today
        ? complaint.ConciliationMeetingOn is null && !complaint.ConciliationOverdue && complaint.Complainant.Kind != ComplainantKind.Authority
            ? [new ConciliationDeadlinePassed(complaint.Id, complaint.ConciliationDueOn, today)]
            : [new TransmissionDeadlinePassed(complaint.Id, complaint.TransmissionDueOn, today)]
        : [];
}
