using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Ledger;
using Ordre.Solidarity.Ledger.Transferring;
using Ordre.Solidarity.Loans;
using Ordre.Solidarity.Loans.Opening;

namespace Ordre.Solidarity.Financing.Disbursing;

/// <summary>Body of POST /financing-requests/{id}/disbursement: the fund that pays.</summary>
public sealed record DisburseFinancing(string? Fund);

public static class DisburseFinancingEndpoint
{
    public static Task<Results<Ok<FinancingRequestView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, DisburseFinancing command, ClaimsPrincipal user, LedgerChange ledger, CancellationToken ct) =>
        FinancingChange.Apply(id, ledger, (request, l, at) => Decide(request, l, command, at, user.Actor()), ct, transfer: TransferFor(id));

    /// <summary>The id of the ledger transfer that pays a financing request (one per request).</summary>
    public static Guid TransferFor(Guid requestId) => FinancingRequest.TransferIdFor("disbursement", requestId);

    /// <summary>
    /// Only after a grant or a bridge loan: the fund pays the council the amount granted, through the ledger (a fund
    /// never goes negative: 409 naming it), in the same transaction as the request's event (and, for a bridge loan, the
    /// loan's opening: the receivable and its schedule). Once.
    /// </summary>
    public static LedgerOutcome Decide(FinancingRequest request, Ledger.Ledger ledger, DisburseFinancing command, DateTimeOffset at, string by)
    {
        if (string.IsNullOrEmpty(command.Fund))
            return LedgerOutcome.InvalidField("fund", "Fonds payeur manquant.");
        switch (request.Status)
        {
            case FinancingStatus.Disbursed when request.Fund == command.Fund:
                return new LedgerOutcome.Already();
            case FinancingStatus.Disbursed:
                return new LedgerOutcome.Refused($"Cette demande a déjà été versée par le fonds « {request.Fund} ».", "deja-versee", Field: "fund");
            case not (FinancingStatus.Granted or FinancingStatus.BridgeLoanGranted):
                return new LedgerOutcome.Refused("Aucun versement sans décision d'accorder la demande (subvention ou prêt relais).", "sans-decision");
        }
        if (!ledger.Accounts.TryGetValue(command.Fund, out var fund) || fund.Kind != AccountKind.Fund)
            return new LedgerOutcome.Refused($"Aucun fonds « {command.Fund} ».", "compte-inconnu", Field: "fund", Account: command.Fund);
        var transferId = TransferFor(request.Id);
        var transfer = MakeTransferEndpoint.Decide(ledger,
            new MakeTransfer(transferId, [new LegRequest(fund.Id, request.Council, request.Granted!.Value)], Memo: $"Demande de financement {request.Id}"), at, by);
        if (transfer is not LedgerOutcome.Accepted posted)
            return transfer;
        var disbursed = new FinancingDisbursed(request.Id, transferId, fund.Id, request.Granted.Value, at, by);
        // A bridge loan becomes a receivable of the fund, with its schedule, in the same transaction as the money.
        return request.Status == FinancingStatus.BridgeLoanGranted
            ? new LedgerOutcome.Accepted([.. posted.Events, disbursed, OpenLoan.For(LoanSource.Financing, request.Id, request.Council, fund.Id, request.Granted.Value, at, by)])
            : new LedgerOutcome.Accepted([.. posted.Events, disbursed]);
    }
}
