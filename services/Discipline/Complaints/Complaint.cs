using Ordre.ServiceDefaults.Requests;

namespace Ordre.Discipline.Complaints;

/// <summary>Who complains (R.4126-1). Authorities that may refer directly to the chamber skip conciliation.</summary>
public enum ComplainantKind { Patient, InsuranceFund, Association, Doctor, Authority, Other }

public enum ComplaintStatus { Registered, Acknowledged, Conciliated, Withdrawn, Transmitted }

/// <summary>R.4123-20: total, partial or no conciliation; Absent when a party did not come.</summary>
public enum ConciliationOutcome { Total, Partial, Failed, Absent }

public sealed record Complainant(ComplainantKind Kind, [property: MaxText(TextLimits.Name)] string Name);

/// <summary>
/// A complaint against a doctor, lodged at the departmental council where the doctor is registered
/// (L.4123-2): acknowledged and conciliated within a month, transmitted to the first-instance chamber with
/// the council's reasoned opinion within three months.
/// </summary>
public sealed record Complaint(
    Guid Id, string Rpps, string Department, Complainant Complainant, IReadOnlyList<string> Grounds,
    DateOnly RegisteredOn, DateOnly ConciliationDueOn, DateOnly TransmissionDueOn, ComplaintStatus Status)
{
    public IReadOnlyList<string> Conciliators { get; init; } = [];
    public ConciliationOutcome? ConciliationOutcome { get; init; }
    public string? CouncilOpinion { get; init; }
    public bool CouncilJoins { get; init; }
    public bool TransmittedLate { get; init; }
    public Guid? CaseId { get; init; }
    public string? DoctorName { get; init; }
    /// <summary>The regional health agency referred the doctor it suspended in an emergency (L.4113-14): the chamber has 2 months.</summary>
    public bool EmergencySuspension { get; init; }
    /// <summary>The council that handles the complaint: the doctor's, unless the national council's president named another (L.4123-2).</summary>
    public string HandlingDepartment => ReferredTo ?? Department;
    public string? ReferredTo { get; init; }
    /// <summary>The day both parties are summoned to meet the conciliators.</summary>
    public DateOnly? ConciliationMeetingOn { get; init; }
    public bool ConciliationOverdue { get; init; }
    public bool TransmissionOverdue { get; init; }
    /// <summary>The complainant asked the national council's president to transmit, the council having not acted; he has until then.</summary>
    public DateOnly? NationalTransmissionDueOn { get; init; }

    public bool IsOpen => Status is ComplaintStatus.Registered or ComplaintStatus.Acknowledged;
    private bool SkipsConciliation => Complainant.Kind == ComplainantKind.Authority;

    /// <summary>The next day the clock acts on this complaint: past the month to convene, then past the 3 months to transmit.</summary>
    public DateOnly? NextDeadline =>
        !IsOpen ? null
        : !SkipsConciliation && ConciliationMeetingOn is null && !ConciliationOverdue ? ConciliationDueOn.AddDays(1)
        : !TransmissionOverdue ? TransmissionDueOn.AddDays(1)
        : null;

    public static Complaint Create(ComplaintRegistered e) => new(
        e.ComplaintId, e.Rpps, e.Department, e.Complainant, e.Grounds, e.RegisteredOn, e.ConciliationDueOn, e.TransmissionDueOn,
        ComplaintStatus.Registered) { DoctorName = e.DoctorName, EmergencySuspension = e.EmergencySuspension };

    public Complaint Apply(ComplaintAcknowledged e) => this with { Status = ComplaintStatus.Acknowledged };
    public Complaint Apply(ConciliatorsAppointed e) => this with { Conciliators = e.Conciliators };
    public Complaint Apply(ConciliationConvened e) => this with { ConciliationMeetingOn = e.MeetingOn };
    public Complaint Apply(ConciliationDeadlinePassed e) => this with { ConciliationOverdue = true };
    public Complaint Apply(TransmissionDeadlinePassed e) => this with { TransmissionOverdue = true };
    public Complaint Apply(CouncilDefaultReported e) => this with { NationalTransmissionDueOn = e.NationalTransmissionDueOn };
    public Complaint Apply(ComplaintReferredToAnotherCouncil e) => this with
    {
        ReferredTo = e.ToDepartment, Conciliators = [], ConciliationMeetingOn = null, ConciliationOutcome = null,
    };
    public Complaint Apply(ConciliationHeld e) => this with
    {
        ConciliationOutcome = e.Outcome,
        Status = e.Outcome == Complaints.ConciliationOutcome.Total ? ComplaintStatus.Conciliated : Status,
    };
    public Complaint Apply(ComplaintWithdrawn e) => this with { Status = ComplaintStatus.Withdrawn };
    public Complaint Apply(ComplaintTransmittedToChamber e) => this with
    {
        Status = ComplaintStatus.Transmitted, CouncilOpinion = e.Opinion, CouncilJoins = e.CouncilJoins, TransmittedLate = e.Late,
        CaseId = e.CaseId,
    };
}

public static class ComplaintRules
{

    /// <summary>L.4123-2: acknowledge, inform the doctor and convene both parties within one month.</summary>
    public const int ConciliationMonths = 1;
    /// <summary>L.4123-2: transmit to the chamber with a reasoned opinion within three months.</summary>
    public const int TransmissionMonths = 3;
    /// <summary>L.4123-2: seized by the complainant, the national council's president transmits within one month.</summary>
    public const int NationalTransmissionMonths = 1;

    /// <summary>What the clock does on <paramref name="today"/>: flags the month to convene, then the 3 months to transmit, as run out.</summary>
    public static IReadOnlyList<object> DueOn(Complaint complaint, DateOnly today) => complaint.NextDeadline is { } due && due <= today
        ? complaint.ConciliationMeetingOn is null && !complaint.ConciliationOverdue && complaint.Complainant.Kind != ComplainantKind.Authority
            ? [new ConciliationDeadlinePassed(complaint.Id, complaint.ConciliationDueOn, today)]
            : [new TransmissionDeadlinePassed(complaint.Id, complaint.TransmissionDueOn, today)]
        : [];
}

/// <summary><paramref name="DoctorName"/>: the names on the Tableau when the complaint was lodged (kept to pseudonymise case-law sheets).</summary>
public sealed record ComplaintRegistered(
    Guid ComplaintId, string Rpps, string Department, Complainant Complainant, IReadOnlyList<string> Grounds,
    DateOnly RegisteredOn, DateOnly ConciliationDueOn, DateOnly TransmissionDueOn, string By, string? DoctorName = null, bool EmergencySuspension = false);

public sealed record ComplaintAcknowledged(Guid ComplaintId, DateOnly On, string By);

public sealed record ConciliatorsAppointed(Guid ComplaintId, IReadOnlyList<string> Conciliators, DateOnly On, string By);

/// <summary>Both parties summoned to meet the conciliators on <paramref name="MeetingOn"/>; <paramref name="Late"/> past the month of L.4123-2.</summary>
public sealed record ConciliationConvened(Guid ComplaintId, DateOnly MeetingOn, DateOnly On, bool Late, string By);

/// <summary>Raised by the clock: a month passed without the parties being convened.</summary>
public sealed record ConciliationDeadlinePassed(Guid ComplaintId, DateOnly DueOn, DateOnly On);

/// <summary>Raised by the clock: three months passed without transmission; the complainant may now turn to the national council's president.</summary>
public sealed record TransmissionDeadlinePassed(Guid ComplaintId, DateOnly DueOn, DateOnly On);

/// <summary>The complainant reported the council's failure to act to the national council's president, who transmits within a month.</summary>
public sealed record CouncilDefaultReported(Guid ComplaintId, DateOnly On, DateOnly NationalTransmissionDueOn, string By);

/// <summary>A member of the council being implicated, the national council's president named another council to handle the complaint.</summary>
public sealed record ComplaintReferredToAnotherCouncil(Guid ComplaintId, string FromDepartment, string ToDepartment, string Reason, DateOnly On, string By);

public sealed record ConciliationHeld(Guid ComplaintId, ConciliationOutcome Outcome, DateOnly On, string By);

public sealed record ComplaintWithdrawn(Guid ComplaintId, DateOnly On, string By);

/// <summary>Sent to the first-instance chamber with the council's reasoned opinion; <paramref name="Late"/> past the 3 months.</summary>
public sealed record ComplaintTransmittedToChamber(Guid ComplaintId, string Opinion, bool CouncilJoins, DateOnly On, bool Late, string By, Guid? CaseId = null);
