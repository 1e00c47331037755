using Ordre.Discipline.Complaints.Acknowledging;
using Ordre.Discipline.Complaints.AppointingConciliators;
using Ordre.Discipline.Complaints.Clock;
using Ordre.Discipline.Complaints.Conciliating;
using Ordre.Discipline.Complaints.Convening;
using Ordre.Discipline.Complaints.HearingTheDoctor;
using Ordre.Discipline.Complaints.Referring;
using Ordre.Discipline.Complaints.Registering;
using Ordre.Discipline.Complaints.ReportingDefault;
using Ordre.Discipline.Complaints.Transmitting;
using Ordre.Discipline.Complaints.Withdrawing;
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
/// Only the state and how each event changes it: each act, with its request, events and rule, has its own folder.
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

    /// <summary>L.4113-14: the last day for the DG ARS to hear the doctor suspended in an emergency (3 days from the suspension).</summary>
    public DateOnly? EmergencyHearingDueOn { get; init; }
    public DateOnly? EmergencyHearingHeldOn { get; init; }
    /// <summary>The clock found the 3 days past without a hearing recorded (raised once).</summary>
    public bool EmergencyHearingOverdue { get; init; }

    public bool IsOpen => Status is ComplaintStatus.Registered or ComplaintStatus.Acknowledged;
    private bool SkipsConciliation => Complainant.Kind == ComplainantKind.Authority;

    /// <summary>The next day the clock acts on the procedure: past the month to convene, then past the 3 months to transmit.</summary>
    public DateOnly? ProcedureDeadline =>
        !IsOpen ? null
        : !SkipsConciliation && ConciliationMeetingOn is null && !ConciliationOverdue ? ConciliationDueOn.AddDays(1)
        : !TransmissionOverdue ? TransmissionDueOn.AddDays(1)
        : null;

    /// <summary>The day after the 3 days to hear a doctor suspended in an emergency, while no hearing is recorded nor flagged.</summary>
    public DateOnly? EmergencyHearingDeadline =>
        EmergencyHearingDueOn is { } due && EmergencyHearingHeldOn is null && !EmergencyHearingOverdue ? due.AddDays(1) : null;

    /// <summary>The next day the clock acts on this complaint: the earlier of the procedure's and the emergency hearing's.</summary>
    public DateOnly? NextDeadline =>
        (ProcedureDeadline, EmergencyHearingDeadline) switch
        {
            ({ } procedure, { } hearing) => procedure < hearing ? procedure : hearing,
            (var procedure, var hearing) => procedure ?? hearing,
        };

    public static Complaint Create(ComplaintRegistered e) => new(
        e.ComplaintId, e.Rpps, e.Department, e.Complainant, e.Grounds, e.RegisteredOn, e.ConciliationDueOn, e.TransmissionDueOn,
        ComplaintStatus.Registered)
    {
        DoctorName = e.DoctorName, EmergencySuspension = e.EmergencySuspension, EmergencyHearingDueOn = e.EmergencyHearingDueOn,
    };

    public Complaint Apply(EmergencyHearingRecorded e) => this with { EmergencyHearingHeldOn = e.HeldOn };
    public Complaint Apply(EmergencyHearingDeadlinePassed e) => this with { EmergencyHearingOverdue = true };

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
