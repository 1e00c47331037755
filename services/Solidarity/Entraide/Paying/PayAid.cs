using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Financing;
using Ordre.Solidarity.Ledger;
using Ordre.Solidarity.Ledger.Transferring;
using Ordre.Solidarity.Loans;
using Ordre.Solidarity.Loans.Opening;

namespace Ordre.Solidarity.Entraide.Paying;

/// <summary>
/// Body of POST /aid-requests/{id}/payment: the fund that pays (the entraide fund) and the account of the aid paid out
/// (kind beneficiaries: one account for every beneficiary, so the ledger names no one).
/// </summary>
public sealed record PayAid(string? Fund, string? Payee);

public static class PayAidEndpoint
{
    /// <summary>The national council, after a grant or a loan, once.</summary>
    public static Task<Results<Ok<AidRequestView>, ValidationProblem, ProblemHttpResult>> Handle(Guid id, PayAid command, ClaimsPrincipal user,
        LedgerChange ledger, IQuerySession read, CancellationToken ct) =>
        AidChange.Apply(id, user, EntraideAccess.Knows, ledger, read, (request, l, at) => Decide(request, l, command, at, user.Actor()), ct,
            transfer: TransferFor(id));

    /// <summary>The id of the ledger transfer that pays an aid request (one per request).</summary>
    public static Guid TransferFor(Guid requestId) => FinancingRequest.TransferIdFor("aid", requestId);

    /// <summary>
    /// A ledger transfer from the fund (never negative: 409 naming it) to the beneficiaries' account, in the same
    /// transaction as the request's event; a loan opens its receivable (repaid through /loans). Once.
    /// </summary>
    public static LedgerOutcome Decide(AidRequest request, Ledger.Ledger ledger, PayAid command, DateTimeOffset at, string by)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(command.Fund))
            errors["fund"] = ["Fonds payeur manquant."];
        if (string.IsNullOrEmpty(command.Payee))
            errors["payee"] = ["Compte des aides versées manquant."];
        if (errors.Count > 0)
            return new LedgerOutcome.Invalid(errors);
        switch (request.Status)
        {
            case AidStatus.Paid when request.Fund == command.Fund:
                return new LedgerOutcome.Already();
            case AidStatus.Paid:
                return new LedgerOutcome.Refused($"Cette aide a déjà été versée par le fonds « {request.Fund} ».", "deja-versee", Field: "fund");
            case not AidStatus.Granted:
                return new LedgerOutcome.Refused("Aucun versement sans décision d'accorder l'aide.", "sans-decision");
        }
        if (!ledger.Accounts.TryGetValue(command.Fund!, out var fund) || fund.Kind != AccountKind.Fund)
            return new LedgerOutcome.Refused($"Aucun fonds « {command.Fund} ».", "compte-inconnu", Field: "fund", Account: command.Fund);
        if (!ledger.Accounts.TryGetValue(command.Payee!, out var payee) || payee.Kind != AccountKind.Beneficiaries)
            return new LedgerOutcome.Refused($"Aucun compte des aides versées « {command.Payee} ».", "compte-inconnu", Field: "payee", Account: command.Payee);
        var amount = request.Granted!.Value;
        var transferId = TransferFor(request.Id);
        var transfer = MakeTransferEndpoint.Decide(ledger, new MakeTransfer(transferId, [new LegRequest(fund.Id, payee.Id, amount)], Memo: $"Aide {request.Id}"), at, by);
        if (transfer is not LedgerOutcome.Accepted posted)
            return transfer;
        if (request.Kind != AidKind.Loan)
            return new LedgerOutcome.Accepted([.. posted.Events, new AidPaid(request.Id, transferId, fund.Id, amount, null, at, by)]);
        var loan = OpenLoan.For(LoanSource.Entraide, request.Id, payee.Id, fund.Id, amount, at, by);
        return new LedgerOutcome.Accepted([.. posted.Events, new AidPaid(request.Id, transferId, fund.Id, amount, loan.LoanId, at, by), loan]);
    }
}
