using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ordre.Solidarity.Ledger;

/// <summary>What an account is: a fund (its balance, credits minus debits, never goes below zero, reservations
/// included), a council's account with the fund (its balance goes negative as the council gives), or the account of
/// the aid paid out to people by the entraide (beneficiaries: one account for all, so the ledger names no one).</summary>
public enum AccountKind { Fund, Council, Beneficiaries }

/// <summary>What became of a transfer: posted at once; pending (reserved); posted from pending (in part or in full); voided.</summary>
public enum TransferStatus { Posted, Pending, PostedFromPending, Voided }

/// <summary>One leg of a transfer: <paramref name="Amount"/> euros debited from one account and credited to another.</summary>
public sealed record Leg(string Debit, string Credit, decimal Amount);

/// <summary>
/// One posting of the ledger, as stored (document <see cref="Posting"/>) and as carried by the event that made it:
/// its place in the chain, the balances of both accounts after it, and the hash of the previous posting.
/// </summary>
public sealed record PostingLine(long Sequence, Guid TransferId, int Leg, string Debit, string Credit, decimal Amount,
    decimal DebitBalanceAfter, decimal CreditBalanceAfter, DateTimeOffset At, string PreviousHash, string Hash);

/// <summary>A posting as stored for statements and verify (Id = its sequence in the ledger's chain).</summary>
public sealed class Posting
{
    public long Id { get; set; }
    public Guid TransferId { get; set; }
    public int Leg { get; set; }
    public string Debit { get; set; } = "";
    public string Credit { get; set; } = "";
    public decimal Amount { get; set; }
    public decimal DebitBalanceAfter { get; set; }
    public decimal CreditBalanceAfter { get; set; }
    public DateTimeOffset At { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public static Posting From(PostingLine line) => new()
    {
        Id = line.Sequence, TransferId = line.TransferId, Leg = line.Leg, Debit = line.Debit, Credit = line.Credit, Amount = line.Amount,
        DebitBalanceAfter = line.DebitBalanceAfter, CreditBalanceAfter = line.CreditBalanceAfter, At = line.At,
        PreviousHash = line.PreviousHash, Hash = line.Hash,
    };
}

/// <summary>The hash chain: each posting hashes its own fields and the previous posting's hash (SHA-256, hex).</summary>
public static class PostingChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(long sequence, Guid transferId, int leg, string debit, string credit, decimal amount,
        decimal debitBalanceAfter, decimal creditBalanceAfter, DateTimeOffset at, string previousHash)
    {
        var text = string.Join('|', sequence.ToString(CultureInfo.InvariantCulture), transferId.ToString("N"), leg.ToString(CultureInfo.InvariantCulture),
            debit, credit, Euros(amount), Euros(debitBalanceAfter), Euros(creditBalanceAfter),
            at.UtcTicks.ToString(CultureInfo.InvariantCulture), previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string Hash(Posting p) =>
        Hash(p.Id, p.TransferId, p.Leg, p.Debit, p.Credit, p.Amount, p.DebitBalanceAfter, p.CreditBalanceAfter, p.At, p.PreviousHash);

    /// <summary>Euros with exactly two decimals, whatever scale the decimal came back from JSON with.</summary>
    public static string Euros(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>An account's state: what was posted and what is reserved by pending transfers, on both sides.</summary>
public sealed class Account
{
    public string Id { get; set; } = "";
    public AccountKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The department of a departmental council's account (its jurisdiction), or null.</summary>
    public string? Department { get; set; }
    /// <summary>The region of a regional council's account, or null.</summary>
    public string? Region { get; set; }
    public decimal DebitsPosted { get; set; }
    public decimal CreditsPosted { get; set; }
    public decimal DebitsPending { get; set; }
    public decimal CreditsPending { get; set; }

    /// <summary>Credits minus debits posted.</summary>
    public decimal Balance => CreditsPosted - DebitsPosted;

    /// <summary>The balance less what pending transfers reserve: what a fund may still pay out.</summary>
    public decimal Available => Balance - DebitsPending;
}

/// <summary>
/// A transfer as the ledger remembers it: the fields a retry is compared with, and what became of it. Stored as its
/// own document (Id = the transfer id) in the transaction of the change that made it, not inside the ledger, so a
/// change reads and writes the one transfer it concerns whatever the number of transfers ever made.
/// </summary>
public sealed class Transfer
{
    public Guid Id { get; set; }
    public List<Leg> Legs { get; set; } = [];
    public bool Pending { get; set; }
    public string? Memo { get; set; }
    public TransferStatus Status { get; set; }
    /// <summary>What was posted of each leg (all of it for a transfer posted at once).</summary>
    public List<decimal> Posted { get; set; } = [];
    public List<long> Postings { get; set; } = [];
    public DateTimeOffset At { get; set; }

    public static Transfer Of(TransferRecorded e) => new()
    {
        Id = e.TransferId, Legs = [.. e.Legs], Pending = e.Pending, Memo = e.Memo, At = e.At,
        Status = e.Pending ? TransferStatus.Pending : TransferStatus.Posted,
        Posted = e.Pending ? [] : [.. e.Legs.Select(l => l.Amount)],
        Postings = [.. e.Postings.Select(p => p.Sequence)],
    };

    public void Apply(PendingTransferPosted e)
    {
        Status = TransferStatus.PostedFromPending;
        Posted = [.. e.Amounts];
        Postings.AddRange(e.Postings.Select(p => p.Sequence));
    }

    public void Apply(PendingTransferVoided _) => Status = TransferStatus.Voided;
}

/// <summary>
/// The solidarity ledger: one event stream, so every change to it is ordered and checked against the whole ledger
/// (see LedgerChange: the stream is locked while a change is decided). Its snapshot holds the accounts, the chain's
/// head and the legs of the reservations still open; the transfers themselves are documents of their own.
/// </summary>
public sealed class Ledger
{
    /// <summary>The one ledger of the councils' solidarity fund.</summary>
    public static readonly Guid SolidarityFund = new("5011da11-7e00-4000-8000-000000000001");

    public Guid Id { get; set; }
    public Dictionary<string, Account> Accounts { get; set; } = [];
    /// <summary>The legs of every pending transfer not yet posted or voided (what releasing a reservation needs).</summary>
    public Dictionary<Guid, List<Leg>> Reservations { get; set; } = [];
    /// <summary>The sequence of the last posting (0: none yet).</summary>
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = PostingChain.Genesis;

    /// <summary>
    /// The transfers a change being decided concerns, loaded by LedgerChange from their documents, and those it makes;
    /// never stored with the ledger (an absent transfer here means the change did not ask for it, or it does not exist).
    /// </summary>
    [JsonIgnore]
    public Dictionary<Guid, Transfer> Transfers { get; } = [];

    /// <summary>A deep copy, with the transfers loaded for the decision.</summary>
    public Ledger Copy()
    {
        var copy = JsonSerializer.Deserialize<Ledger>(JsonSerializer.Serialize(this))!;
        foreach (var (id, transfer) in Transfers)
            copy.Transfers[id] = JsonSerializer.Deserialize<Transfer>(JsonSerializer.Serialize(transfer))!;
        return copy;
    }

    public void Apply(AccountOpened e)
    {
        Id = e.LedgerId;
        Accounts[e.AccountId] = new Account { Id = e.AccountId, Kind = e.Kind, Name = e.Name, Department = e.Department, Region = e.Region };
    }

    public void Apply(TransferRecorded e)
    {
        Transfers[e.TransferId] = Transfer.Of(e);
        if (e.Pending)
        {
            Reservations[e.TransferId] = [.. e.Legs];
            foreach (var leg in e.Legs)
            {
                Accounts[leg.Debit].DebitsPending += leg.Amount;
                Accounts[leg.Credit].CreditsPending += leg.Amount;
            }
        }
        Post(e.Postings);
    }

    public void Apply(PendingTransferPosted e)
    {
        Release(e.TransferId);
        Transfers.GetValueOrDefault(e.TransferId)?.Apply(e);
        Post(e.Postings);
    }

    public void Apply(PendingTransferVoided e)
    {
        Release(e.TransferId);
        Transfers.GetValueOrDefault(e.TransferId)?.Apply(e);
    }

    private void Release(Guid transferId)
    {
        if (!Reservations.Remove(transferId, out var legs))
            return;
        foreach (var leg in legs)
        {
            Accounts[leg.Debit].DebitsPending -= leg.Amount;
            Accounts[leg.Credit].CreditsPending -= leg.Amount;
        }
    }

    private void Post(IReadOnlyList<PostingLine> postings)
    {
        foreach (var p in postings)
        {
            Accounts[p.Debit].DebitsPosted += p.Amount;
            Accounts[p.Credit].CreditsPosted += p.Amount;
            LastSequence = p.Sequence;
            LastHash = p.Hash;
        }
    }
}

/// <summary>An account was opened on the ledger.</summary>
public sealed record AccountOpened(Guid LedgerId, string AccountId, AccountKind Kind, string Name, string? Department, string? Region,
    DateTimeOffset At, string By) : IChanges<Ledger>;

/// <summary>A transfer was accepted: posted at once (its postings) or pending (reserved, no posting yet).</summary>
public sealed record TransferRecorded(Guid LedgerId, Guid TransferId, IReadOnlyList<Leg> Legs, bool Pending, string? Memo,
    IReadOnlyList<PostingLine> Postings, DateTimeOffset At, string By) : IChanges<Ledger>;

/// <summary>A pending transfer was posted: <paramref name="Amounts"/> of each leg (the rest of the reservation is released).</summary>
public sealed record PendingTransferPosted(Guid LedgerId, Guid TransferId, IReadOnlyList<decimal> Amounts,
    IReadOnlyList<PostingLine> Postings, DateTimeOffset At, string By) : IChanges<Ledger>;

/// <summary>A pending transfer was voided: its reservation is released, nothing moved.</summary>
public sealed record PendingTransferVoided(Guid LedgerId, Guid TransferId, decimal Amount, DateTimeOffset At, string By) : IChanges<Ledger>;
