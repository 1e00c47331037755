namespace Ordre.Contracts.Solidarity;

/// <summary>An account of the solidarity ledger was opened. <paramref name="Kind"/>: <c>fund</c>, <c>council</c> or <c>beneficiaries</c>. No personal data.</summary>
public sealed record LedgerAccountOpened(string AccountId, string Kind, DateTimeOffset OccurredAt);

/// <summary>
/// Money moved between accounts of the solidarity ledger: a transfer posted at once, or a pending one posted (in part).
/// <paramref name="Legs"/>: how many balanced postings; <paramref name="Amount"/>: their total in euros.
/// </summary>
public sealed record LedgerTransferPosted(Guid TransferId, int Legs, decimal Amount, bool FromPending, DateTimeOffset OccurredAt);

/// <summary>An amount was reserved on the ledger by a pending transfer, to be posted or voided later.</summary>
public sealed record LedgerTransferReserved(Guid TransferId, int Legs, decimal Amount, DateTimeOffset OccurredAt);

/// <summary>A pending transfer was voided: its reservation is released, nothing moved.</summary>
public sealed record LedgerTransferVoided(Guid TransferId, decimal Amount, DateTimeOffset OccurredAt);

/// <summary>A council pledged a donation to the solidarity fund (its receipt is a <see cref="LedgerTransferPosted"/>).</summary>
public sealed record DonationToTheFundPledged(Guid DonationId, decimal Amount, DateTimeOffset OccurredAt);

/// <summary>A council filed a financing request; <paramref name="Commission"/>: solidarite-financiere or harmonisation-des-charges.</summary>
public sealed record FinancingRequestFiled(Guid RequestId, decimal Amount, string Commission, DateTimeOffset OccurredAt);

/// <summary>The commission ruled on a financing request: rejected, granted or bridge-loan, and the amount granted (0 when rejected).</summary>
public sealed record FinancingRequestRuled(Guid RequestId, string Decision, decimal Amount, DateTimeOffset OccurredAt);
