using Ordre.Contracts.Calendar;
using Ordre.Solidarity.Financing;

namespace Ordre.Solidarity.Loans.Opening;

/// <summary>Opening a loan when its money leaves the fund: the schedule from the rules in force on the day, stored as data.</summary>
public static class OpenLoan
{
    /// <summary>The loan's id, derived from what it was granted on: a retried disbursement finds the same loan.</summary>
    public static Guid IdFor(LoanSource source, Guid sourceId) => FinancingRequest.TransferIdFor($"loan:{source}", sourceId);

    public static LoanOpened For(LoanSource source, Guid sourceId, string borrower, string fund, decimal principal, DateTimeOffset at, string by)
    {
        var on = ParisCalendar.DayOf(at);
        var term = SolidarityRules.Book.Value(source == LoanSource.Financing ? SolidarityRules.BridgeLoanTerm : SolidarityRules.EntraideLoanTerm, on);
        return new LoanOpened(IdFor(source, sourceId), source, sourceId, borrower, fund, principal, Schedule(principal, on, term),
            SolidarityRules.Book.Value(SolidarityRules.ArrearsGrace, on), on, at, by);
    }

    /// <summary>
    /// Monthly installments from one month after <paramref name="from"/>: equal to the cent, the last one taking what the
    /// division leaves, so they add up to the principal exactly (fewer installments for a principal of a few cents).
    /// </summary>
    public static IReadOnlyList<Installment> Schedule(decimal principal, DateOnly from, int months)
    {
        var count = (int)Math.Min(months, principal * 100);
        var each = decimal.Floor(principal * 100 / count) / 100;
        return [.. Enumerable.Range(1, count).Select(k => new Installment(FrenchCalendar.AddMonths(from, k), k < count ? each : principal - each * (count - 1)))];
    }
}
