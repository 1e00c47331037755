namespace Ordre.Solidarity.Loans;

/// <summary>One repayment due: its day and amount (the schedule is data, stored on the loan when it is opened).</summary>
public sealed record Installment(DateOnly DueOn, decimal Amount);

/// <summary>What a loan was lent for: a council's bridge loan (financing request) or an entraide loan (aid request).</summary>
public enum LoanSource { Financing, Entraide }

/// <summary>
/// A receivable of a fund (DOMAIN §5.1 "a loan creates a receivable that only repayments reduce"): one stream per loan,
/// opened in the same transaction as the disbursement. Only <see cref="LoanRepaymentReceived"/> (itself posted on the
/// ledger in the same transaction) reduces <see cref="Outstanding"/>. The clock flags arrears (<see cref="NextDeadline"/>,
/// indexed, swept by <c>LoanArrears</c>).
/// </summary>
public sealed class Loan
{
    public Guid Id { get; set; }
    public LoanSource Source { get; set; }
    /// <summary>The financing request or aid request it was granted on.</summary>
    public Guid SourceId { get; set; }
    /// <summary>The ledger account the money went to and repayments come from.</summary>
    public string Borrower { get; set; } = "";
    /// <summary>The fund that lent it and that repayments credit.</summary>
    public string Fund { get; set; } = "";
    public decimal Principal { get; set; }
    public decimal Repaid { get; set; }
    public List<Installment> Schedule { get; set; } = [];
    /// <summary>Days after a due date before an unpaid installment is in arrears (the rule in force when the loan was opened).</summary>
    public int GraceDays { get; set; }
    /// <summary>How many installments (from the first) the clock has already looked at and flagged when unpaid.</summary>
    public int FlaggedThrough { get; set; }
    public bool InArrears { get; set; }
    public decimal Overdue { get; set; }
    public bool Settled { get; set; }
    /// <summary>The repayments recorded, by the id the caller chose (a retry is recognised).</summary>
    public Dictionary<Guid, decimal> Repayments { get; set; } = [];
    /// <summary>The first day the clock has something to flag, or null (settled, or nothing left to watch).</summary>
    public DateOnly? NextDeadline { get; set; }
    public DateOnly OpenedOn { get; set; }

    public decimal Outstanding => Principal - Repaid;

    /// <summary>What should have been repaid by the end of installment <paramref name="index"/> (0-based), counted from the first.</summary>
    public decimal DueThrough(int index) => Schedule.Take(index + 1).Sum(i => i.Amount);

    public static Loan Create(LoanOpened e)
    {
        var loan = new Loan
        {
            Id = e.LoanId, Source = e.Source, SourceId = e.SourceId, Borrower = e.Borrower, Fund = e.Fund, Principal = e.Principal,
            Schedule = [.. e.Schedule], GraceDays = e.GraceDays, OpenedOn = e.OpenedOn,
        };
        loan.Recompute();
        return loan;
    }

    public void Apply(LoanRepaymentReceived e)
    {
        Repaid += e.Amount;
        Repayments[e.RepaymentId] = e.Amount;
        Recompute();
    }

    public void Apply(LoanInArrears e)
    {
        FlaggedThrough = Math.Max(FlaggedThrough, e.Installment);
        Recompute();
    }

    public void Apply(LoanSettled _)
    {
        Settled = true;
        Recompute();
    }

    private void Recompute()
    {
        InArrears = !Settled && FlaggedThrough > 0 && DueThrough(FlaggedThrough - 1) > Repaid;
        Overdue = InArrears ? DueThrough(FlaggedThrough - 1) - Repaid : 0m;
        NextDeadline = null;
        if (Settled)
            return;
        for (var i = FlaggedThrough; i < Schedule.Count; i++)
            if (DueThrough(i) > Repaid)
            {
                NextDeadline = Schedule[i].DueOn.AddDays(GraceDays + 1);
                return;
            }
    }
}

/// <summary>A loan was opened with its schedule, when its money left the fund.</summary>
public sealed record LoanOpened(Guid LoanId, LoanSource Source, Guid SourceId, string Borrower, string Fund, decimal Principal,
    IReadOnlyList<Installment> Schedule, int GraceDays, DateOnly OpenedOn, DateTimeOffset At, string By) : IChanges<Loan>;

/// <summary>A repayment was received and posted on the ledger (borrower debited, fund credited).</summary>
public sealed record LoanRepaymentReceived(Guid LoanId, Guid RepaymentId, Guid TransferId, decimal Amount, decimal OutstandingAfter, DateTimeOffset At, string By) : IChanges<Loan>;

/// <summary>Installment <paramref name="Installment"/> (1-based) was still unpaid after its due date and the grace: the loan is in arrears by <paramref name="Overdue"/>.</summary>
public sealed record LoanInArrears(Guid LoanId, int Installment, DateOnly DueOn, decimal Overdue, DateOnly On) : IChanges<Loan>;

/// <summary>The last euro was repaid: the receivable is closed.</summary>
public sealed record LoanSettled(Guid LoanId, DateTimeOffset At) : IChanges<Loan>;

/// <summary>A loan as read: amounts, schedule, arrears; no personal data (an entraide loan names its aid request, not the person).</summary>
public sealed record LoanView(Guid Id, string Source, Guid SourceId, string Borrower, string Fund, decimal Principal, decimal Repaid, decimal Outstanding,
    IReadOnlyList<Installment> Schedule, bool InArrears, decimal Overdue, bool Settled, DateOnly OpenedOn)
{
    public static LoanView Of(Loan l) => new(l.Id, l.Source == LoanSource.Financing ? "financing" : "entraide", l.SourceId, l.Borrower, l.Fund,
        l.Principal, l.Repaid, l.Outstanding, l.Schedule, l.InArrears, l.Overdue, l.Settled, l.OpenedOn);
}
