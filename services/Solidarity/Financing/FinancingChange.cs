using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Ledger;
using Ordre.Solidarity.Loans;

namespace Ordre.Solidarity.Financing;

/// <summary>A financing request as read.</summary>
public sealed record FinancingRequestView(Guid Id, string Council, decimal Amount, string Purpose, string Commission, string Status,
    string? Opinion, decimal? Granted, Guid? Disbursement, string? Fund, Guid? Loan)
{
    public static FinancingRequestView Of(FinancingRequest r) => new(r.Id, r.Council, r.Amount, r.Purpose, r.Commission,
        r.Status switch
        {
            FinancingStatus.Submitted => "submitted",
            FinancingStatus.Examined => "examined",
            FinancingStatus.Rejected => "rejected",
            FinancingStatus.Granted => "granted",
            FinancingStatus.BridgeLoanGranted => "bridge-loan-granted",
            _ => "disbursed",
        }, r.Opinion, r.Granted, r.Disbursement, r.Fund,
        r.Status == FinancingStatus.Disbursed && r.IsBridgeLoan ? Loans.Opening.OpenLoan.IdFor(LoanSource.Financing, r.Id) : null);
}

/// <summary>
/// The write path of the commission's acts on a request: load it with the ledger (and <c>transfer</c>, the ledger transfer
/// the act consults: a disbursement's), decide, append (and post) in one transaction.
/// </summary>
public static class FinancingChange
{
    public static async Task<Results<Ok<FinancingRequestView>, ValidationProblem, ProblemHttpResult>> Apply(
        Guid id, LedgerChange ledger, Func<FinancingRequest, Ledger.Ledger, DateTimeOffset, LedgerOutcome> decide, CancellationToken ct,
        Guid? transfer = null)
    {
        FinancingRequest? after = null;
        var result = await ledger.Apply(async (session, l, at, token) =>
        {
            var stream = await session.Events.FetchForWriting<FinancingRequest>(id, token);
            if (stream.Aggregate is not { } request)
                return new LedgerOutcome.Refused($"Aucune demande de financement {id}.", LedgerChange.NotFoundCode);
            if (transfer is { } consulted)
                await LedgerChange.LoadTransfer(session, l, consulted, token);
            var outcome = decide(request, l, at);
            after = request;
            if (outcome is LedgerOutcome.Accepted accepted)
            {
                var own = accepted.Events.OfType<IChanges<FinancingRequest>>().Cast<object>().ToArray();
                stream.AppendMany(own);
                after = own.Aggregate(request, Evolution<FinancingRequest>.Apply);
                var loans = accepted.Events.OfType<LoanOpened>().ToArray();
                foreach (var loan in loans)
                    session.Events.StartStream<Loan>(loan.LoanId, loan);
                return new LedgerOutcome.Accepted([.. accepted.Events.Except(own).Except(loans)]);
            }
            return outcome;
        }, ct);
        return LedgerChange.Answer(result, _ => FinancingRequestView.Of(after!));
    }
}
