using System.Security.Cryptography;
using System.Text;

namespace Ordre.Solidarity.Financing;

/// <summary>Where a financing request stands (DOMAIN §5.1): submitted, examined, then rejected, granted or granted as a bridge loan, then disbursed.</summary>
public enum FinancingStatus { Submitted, Examined, Rejected, Granted, BridgeLoanGranted, Disbursed }

/// <summary>What the commission decides on a financing request.</summary>
public enum FinancingDecision { Rejected, Granted, BridgeLoan }

/// <summary>
/// A council's financing request to the solidarity fund: one stream per request. <see cref="Commission"/> says which
/// commission examined it (DOMAIN §5.1: the 2020 figures do not say whether the solidarity or the harmonisation commission).
/// </summary>
public sealed class FinancingRequest
{
    public Guid Id { get; set; }
    /// <summary>The requesting council's ledger account.</summary>
    public string Council { get; set; } = "";
    public decimal Amount { get; set; }
    public string Purpose { get; set; } = "";
    public string Commission { get; set; } = "";
    public FinancingStatus Status { get; set; }
    public string? Opinion { get; set; }
    /// <summary>The amount granted (or lent), once decided.</summary>
    public decimal? Granted { get; set; }
    /// <summary>Granted as a bridge loan: its disbursement opens a loan (a receivable of the fund).</summary>
    public bool IsBridgeLoan { get; set; }
    /// <summary>The ledger transfer that paid it, once disbursed.</summary>
    public Guid? Disbursement { get; set; }
    public string? Fund { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }

    public static FinancingRequest Create(FinancingRequestSubmitted e) => new()
    {
        Id = e.RequestId, Council = e.Council, Amount = e.Amount, Purpose = e.Purpose, Commission = e.Commission,
        Status = FinancingStatus.Submitted, SubmittedAt = e.At,
    };

    public void Apply(FinancingRequestExamined e)
    {
        Status = FinancingStatus.Examined;
        Opinion = e.Opinion;
    }

    public void Apply(FinancingRequestDecided e)
    {
        Status = e.Decision switch
        {
            FinancingDecision.Rejected => FinancingStatus.Rejected,
            FinancingDecision.Granted => FinancingStatus.Granted,
            _ => FinancingStatus.BridgeLoanGranted,
        };
        Granted = e.Decision == FinancingDecision.Rejected ? null : e.Amount;
        IsBridgeLoan = e.Decision == FinancingDecision.BridgeLoan;
    }

    public void Apply(FinancingDisbursed e)
    {
        Status = FinancingStatus.Disbursed;
        Disbursement = e.TransferId;
        Fund = e.Fund;
    }

    /// <summary>
    /// The ledger transfer id of a disbursement (or of a donation's receipt), derived from the record's id: a retry
    /// finds the same transfer, so the money moves once.
    /// </summary>
    public static Guid TransferIdFor(string purpose, Guid record)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}:{record:N}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (custom), so it never equals a caller's v4/v7 id
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}

public sealed record FinancingRequestSubmitted(Guid RequestId, string Council, decimal Amount, string Purpose, string Commission,
    DateTimeOffset At, string By) : IChanges<FinancingRequest>;

public sealed record FinancingRequestExamined(Guid RequestId, string? Opinion, DateTimeOffset At, string By) : IChanges<FinancingRequest>;

public sealed record FinancingRequestDecided(Guid RequestId, FinancingDecision Decision, decimal? Amount, DateTimeOffset At, string By) : IChanges<FinancingRequest>;

public sealed record FinancingDisbursed(Guid RequestId, Guid TransferId, string Fund, decimal Amount, DateTimeOffset At, string By) : IChanges<FinancingRequest>;
