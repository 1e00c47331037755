namespace Ordre.Discipline.Complaints;

/// <summary>Who complains (R.4126-1). Authorities that may refer directly to the chamber skip conciliation.</summary>
public enum ComplainantKind { Patient, InsuranceFund, Association, Doctor, Authority, Other }

public enum ComplaintStatus { Registered, Acknowledged, Conciliated, Withdrawn, Transmitted }

/// <summary>R.4123-20: total, partial or no conciliation; Absent when a party did not come.</summary>
public enum ConciliationOutcome { Total, Partial, Failed, Absent }

public sealed record Complainant(ComplainantKind Kind, string Name);

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

    public bool IsOpen => Status is ComplaintStatus.Registered or ComplaintStatus.Acknowledged;

    public static Complaint Create(ComplaintRegistered e) => new(
        e.ComplaintId, e.Rpps, e.Department, e.Complainant, e.Grounds, e.RegisteredOn, e.ConciliationDueOn, e.TransmissionDueOn,
        ComplaintStatus.Registered);

    public Complaint Apply(ComplaintAcknowledged e) => this with { Status = ComplaintStatus.Acknowledged };
    public Complaint Apply(ConciliatorsAppointed e) => this with { Conciliators = e.Conciliators };
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
    /// <summary>Applies one event to the complaint (not on the aggregate: Marten would take a static Evolve there for its own).</summary>
    public static Complaint Evolve(Complaint complaint, object e) => e switch
    {
        ComplaintAcknowledged x => complaint.Apply(x),
        ConciliatorsAppointed x => complaint.Apply(x),
        ConciliationHeld x => complaint.Apply(x),
        ComplaintWithdrawn x => complaint.Apply(x),
        ComplaintTransmittedToChamber x => complaint.Apply(x),
        _ => throw new ArgumentException($"{e.GetType().Name} does not change a complaint", nameof(e)),
    };

    /// <summary>L.4123-2: acknowledge, inform the doctor and convene both parties within one month.</summary>
    public const int ConciliationMonths = 1;
    /// <summary>L.4123-2: transmit to the chamber with a reasoned opinion within three months.</summary>
    public const int TransmissionMonths = 3;
}

public sealed record ComplaintRegistered(
    Guid ComplaintId, string Rpps, string Department, Complainant Complainant, IReadOnlyList<string> Grounds,
    DateOnly RegisteredOn, DateOnly ConciliationDueOn, DateOnly TransmissionDueOn, string By);

public sealed record ComplaintAcknowledged(Guid ComplaintId, DateOnly On, string By);

public sealed record ConciliatorsAppointed(Guid ComplaintId, IReadOnlyList<string> Conciliators, DateOnly On, string By);

public sealed record ConciliationHeld(Guid ComplaintId, ConciliationOutcome Outcome, DateOnly On, string By);

public sealed record ComplaintWithdrawn(Guid ComplaintId, DateOnly On, string By);

/// <summary>Sent to the first-instance chamber with the council's reasoned opinion; <paramref name="Late"/> past the 3 months.</summary>
public sealed record ComplaintTransmittedToChamber(Guid ComplaintId, string Opinion, bool CouncilJoins, DateOnly On, bool Late, string By, Guid? CaseId = null);
