namespace Ordre.Solidarity.Entraide;

/// <summary>How the request reached the Ordre (DOMAIN §5.2): the helpline, a departmental council, or directly the national commission.</summary>
public enum AidChannel { Helpline, Cdom, Direct }

/// <summary>Who asks: a doctor (checked on the Tableau) or a member of a doctor's family, who has no RPPS.</summary>
public enum AidApplicant { Doctor, Family }

/// <summary>Where a request stands: received, assessed by the departmental council, granted or refused by the national commission, paid.</summary>
public enum AidStatus { Received, Assessed, Granted, Refused, Paid }

/// <summary>What the national commission grants: a grant, or a loan (prêt d'honneur, repaid; DOMAIN §10.7).</summary>
public enum AidKind { Grant, Loan }

/// <summary>
/// The health and social details of a request: need-to-know (GDPR art. 9). Shown only to the commission members
/// assigned to the case and to the doctor's departmental council, every read audited; never in integration events,
/// logs, lists or the dashboard.
/// </summary>
public sealed record AidDetails(string ApplicantName, string? Contact, string Situation, string? Relationship);

/// <summary>An entraide aid request (DOMAIN §5.2): one stream per request.</summary>
public sealed class AidRequest
{
    public Guid Id { get; set; }
    public AidChannel Channel { get; set; }
    public AidApplicant Applicant { get; set; }
    /// <summary>The doctor's RPPS (the applicant's, or the doctor's whose family asks, when known). Need-to-know.</summary>
    public string? Rpps { get; set; }
    /// <summary>The doctor's department: its departmental council gives its opinion and sees the details.</summary>
    public string Department { get; set; } = "";
    public decimal AmountAsked { get; set; }
    public AidDetails Details { get; set; } = new("", null, "", null);
    public AidStatus Status { get; set; }
    public DateOnly ReceivedOn { get; set; }
    /// <summary>The national commission's members handling the case (token subjects): they see the details and decide.</summary>
    public List<string> Members { get; set; } = [];
    public bool? FavourableOpinion { get; set; }
    /// <summary>The departmental council's reasons. Need-to-know.</summary>
    public string? OpinionComment { get; set; }
    public AidKind? Kind { get; set; }
    public decimal? Granted { get; set; }
    public Guid? Transfer { get; set; }
    public string? Fund { get; set; }
    public Guid? Loan { get; set; }

    public static AidRequest Create(AidRequestReceived e) => new()
    {
        Id = e.AidRequestId, Channel = e.Channel, Applicant = e.Applicant, Rpps = e.Rpps, Department = e.Department, AmountAsked = e.AmountAsked,
        Details = e.Details, Status = AidStatus.Received, ReceivedOn = e.ReceivedOn, Members = [.. e.Members],
    };

    public void Apply(AidMembersAssigned e) => Members = [.. e.Members];

    public void Apply(AidAssessedByCdom e)
    {
        Status = AidStatus.Assessed;
        FavourableOpinion = e.Favourable;
        OpinionComment = e.Comment;
    }

    public void Apply(AidGranted e)
    {
        Status = AidStatus.Granted;
        Kind = e.Kind;
        Granted = e.Amount;
    }

    public void Apply(AidRefused _) => Status = AidStatus.Refused;

    public void Apply(AidPaid e)
    {
        Status = AidStatus.Paid;
        Transfer = e.TransferId;
        Fund = e.Fund;
        Loan = e.Loan;
    }
}

/// <summary>A request was received. <paramref name="Details"/> and <paramref name="Rpps"/> are need-to-know: this event is never published.</summary>
public sealed record AidRequestReceived(Guid AidRequestId, AidChannel Channel, AidApplicant Applicant, string? Rpps, string Department, decimal AmountAsked,
    AidDetails Details, IReadOnlyList<string> Members, DateOnly ReceivedOn, DateTimeOffset At, string By) : IChanges<AidRequest>;

/// <summary>The commission members handling the case (the whole list after the change).</summary>
public sealed record AidMembersAssigned(Guid AidRequestId, IReadOnlyList<string> Members, DateTimeOffset At, string By) : IChanges<AidRequest>;

/// <summary>The departmental council's opinion; <paramref name="Comment"/> is need-to-know.</summary>
public sealed record AidAssessedByCdom(Guid AidRequestId, bool Favourable, string? Comment, DateTimeOffset At, string By) : IChanges<AidRequest>;

/// <summary>The national commission granted a grant or a loan of <paramref name="Amount"/> euros.</summary>
public sealed record AidGranted(Guid AidRequestId, AidKind Kind, decimal Amount, DateTimeOffset At, string By) : IChanges<AidRequest>;

/// <summary>The national commission refused the request.</summary>
public sealed record AidRefused(Guid AidRequestId, DateTimeOffset At, string By) : IChanges<AidRequest>;

/// <summary>The aid was paid from a fund through the ledger; a loan opened its receivable.</summary>
public sealed record AidPaid(Guid AidRequestId, Guid TransferId, string Fund, decimal Amount, Guid? Loan, DateTimeOffset At, string By) : IChanges<AidRequest>;
