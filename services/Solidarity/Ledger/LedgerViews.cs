namespace Ordre.Solidarity.Ledger;

/// <summary>An account as read: its balance (credits minus debits posted) and what pending transfers reserve.</summary>
public sealed record AccountView(string Id, string Kind, string Name, string? Department, string? Region, decimal Balance, decimal Available,
    decimal DebitsPosted, decimal CreditsPosted, decimal DebitsPending, decimal CreditsPending)
{
    public static AccountView Of(Account a) => new(a.Id, KindName(a.Kind), a.Name, a.Department, a.Region,
        a.Balance, a.Available, a.DebitsPosted, a.CreditsPosted, a.DebitsPending, a.CreditsPending);

    public static string KindName(AccountKind kind) => kind switch
    {
        AccountKind.Fund => "fund",
        AccountKind.Council => "council",
        _ => "beneficiaries",
    };
}

/// <summary>One leg of a transfer as read, with what was posted of it.</summary>
public sealed record LegView(string Debit, string Credit, decimal Amount, decimal Posted);

/// <summary>A transfer as read: its status (posted, pending, posted-from-pending, voided), legs and postings' sequences.</summary>
public sealed record TransferView(Guid Id, string Status, bool Pending, string? Memo, IReadOnlyList<LegView> Legs, IReadOnlyList<long> Postings, DateTimeOffset At)
{
    public static TransferView Of(Transfer t) => new(t.Id, StatusName(t.Status), t.Pending, t.Memo,
        [.. t.Legs.Select((l, i) => new LegView(l.Debit, l.Credit, l.Amount, i < t.Posted.Count ? t.Posted[i] : 0m))], [.. t.Postings], t.At);

    public static string StatusName(TransferStatus status) => status switch
    {
        TransferStatus.Posted => "posted",
        TransferStatus.Pending => "pending",
        TransferStatus.PostedFromPending => "posted-from-pending",
        _ => "voided",
    };
}
