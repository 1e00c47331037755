namespace Ordre.Contracts.Solidarity;

/// <summary>
/// A fund lent money: a council's bridge loan or an entraide loan (<paramref name="Source"/>: <c>financing</c> or
/// <c>entraide</c>), with its principal and number of monthly installments. Amounts only: no borrower named.
/// </summary>
public sealed record LoanGranted(Guid LoanId, string Source, decimal Principal, int Installments, DateTimeOffset OccurredAt);

/// <summary>A repayment of a loan was received; <paramref name="Outstanding"/> is what remains due after it (0: settled).</summary>
public sealed record LoanRepaymentRecorded(Guid LoanId, decimal Amount, decimal Outstanding, DateTimeOffset OccurredAt);

/// <summary>An installment of a loan was still unpaid after its due date and grace: <paramref name="Overdue"/> euros are late.</summary>
public sealed record LoanFellIntoArrears(Guid LoanId, int Installment, decimal Overdue, DateTimeOffset OccurredAt);
