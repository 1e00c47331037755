using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Financing;
using Ordre.Solidarity.Ledger;
using Ordre.Solidarity.Ledger.Transferring;

namespace Ordre.Solidarity.Loans.Repaying;

/// <summary>
/// Body of POST /loans/{id}/repayments: the repayment's id chosen by the caller (a retry with the same amount answers the
/// loan; another amount under the same id is 409 naming it) and the amount received, at most what remains due.
/// </summary>
public sealed record RepayLoan(Guid RepaymentId, decimal Amount);

public static class RepayLoanEndpoint
{
    public static async Task<Results<Ok<LoanView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RepayLoan command, ClaimsPrincipal user, LedgerChange ledger, IQuerySession read, CancellationToken ct)
    {
        var result = await ledger.Apply(async (session, l, at, token) =>
        {
            var stream = await session.Events.FetchForWriting<Loan>(id, token);
            if (stream.Aggregate is not { } loan)
                return new LedgerOutcome.Refused($"Aucun prêt {id}.", LedgerChange.NotFoundCode);
            await LedgerChange.LoadTransfer(session, l, TransferFor(loan.Id, command.RepaymentId), token);
            var outcome = Decide(loan, l, command, at, user.Actor());
            if (outcome is not LedgerOutcome.Accepted accepted)
                return outcome;
            var own = accepted.Events.OfType<IChanges<Loan>>().Cast<object>().ToArray();
            stream.AppendMany(own);
            return new LedgerOutcome.Accepted([.. accepted.Events.Except(own)]);
        }, ct);
        // The loan as committed (the snapshot the same transaction stored), whatever the outcome.
        var after = result.Outcome is LedgerOutcome.Accepted or LedgerOutcome.Already ? await read.LoadAsync<Loan>(id, ct) : null;
        return LedgerChange.Answer(result, _ => LoanView.Of(after!));
    }

    /// <summary>The id of the ledger transfer of one repayment of a loan.</summary>
    public static Guid TransferFor(Guid loanId, Guid repaymentId) => FinancingRequest.TransferIdFor($"repayment:{loanId:N}", repaymentId);

    /// <summary>
    /// A repayment is a ledger transfer from the borrower's account to the lending fund, in the same transaction as the
    /// loan's event: the receivable falls only by what was posted. The last euro settles the loan.
    /// </summary>
    public static LedgerOutcome Decide(Loan loan, Ledger.Ledger ledger, RepayLoan command, DateTimeOffset at, string by)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.RepaymentId == Guid.Empty)
            errors["repaymentId"] = ["Identifiant du remboursement choisi par l'appelant (GUID non nul) : il rend les nouvelles tentatives sans effet."];
        if (Money.Invalid(command.Amount) is { } wrong)
            errors["amount"] = [wrong];
        if (errors.Count > 0)
            return new LedgerOutcome.Invalid(errors);
        if (loan.Repayments.TryGetValue(command.RepaymentId, out var recorded))
            return recorded == command.Amount
                ? new LedgerOutcome.Already()
                : new LedgerOutcome.Refused($"Le remboursement {command.RepaymentId} existe déjà avec un autre montant ({PostingChain.Euros(recorded)} €).",
                    "existe-avec-champ-different", Field: "amount");
        if (loan.Settled)
            return new LedgerOutcome.Refused("Ce prêt est entièrement remboursé.", "pret-solde");
        if (command.Amount > loan.Outstanding)
            return new LedgerOutcome.Refused($"Le remboursement dépasse le restant dû, {PostingChain.Euros(loan.Outstanding)} €.", "au-dela-du-restant-du", Field: "amount");
        var transferId = TransferFor(loan.Id, command.RepaymentId);
        var posted = MakeTransferEndpoint.Decide(ledger,
            new MakeTransfer(transferId, [new LegRequest(loan.Borrower, loan.Fund, command.Amount)], Memo: $"Remboursement du prêt {loan.Id}"), at, by);
        if (posted is not LedgerOutcome.Accepted accepted)
            return posted;
        var repaid = new LoanRepaymentReceived(loan.Id, command.RepaymentId, transferId, command.Amount, loan.Outstanding - command.Amount, at, by);
        return command.Amount == loan.Outstanding
            ? new LedgerOutcome.Accepted([.. accepted.Events, repaid, new LoanSettled(loan.Id, at)])
            : new LedgerOutcome.Accepted([.. accepted.Events, repaid]);
    }
}
