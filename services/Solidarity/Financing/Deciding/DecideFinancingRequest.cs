using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Ledger;

namespace Ordre.Solidarity.Financing.Deciding;

/// <summary>Body of POST /financing-requests/{id}/decision: rejected, granted or bridge-loan, and the amount granted (at most the amount asked; all of it when absent).</summary>
public sealed record DecideFinancingRequest(string? Decision, decimal? Amount = null);

public static class DecideFinancingRequestEndpoint
{
    public static Task<Results<Ok<FinancingRequestView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, DecideFinancingRequest command, ClaimsPrincipal user, LedgerChange ledger, CancellationToken ct) =>
        FinancingChange.Apply(id, ledger, (request, _, at) => Decide(request, command, at, user.Actor()), ct);

    /// <summary>After the examination, once; the same decision again answers the first.</summary>
    public static LedgerOutcome Decide(FinancingRequest request, DecideFinancingRequest command, DateTimeOffset at, string by)
    {
        var decision = command.Decision switch
        {
            "rejected" => FinancingDecision.Rejected,
            "granted" => FinancingDecision.Granted,
            "bridge-loan" => FinancingDecision.BridgeLoan,
            _ => (FinancingDecision?)null,
        };
        if (decision is null)
            return LedgerOutcome.InvalidField("decision", "Décision : rejected, granted ou bridge-loan.");
        if (command.Amount is { } a && Money.Invalid(a) is { } wrong)
            return LedgerOutcome.InvalidField("amount", wrong);
        if (decision == FinancingDecision.Rejected && command.Amount is not null)
            return LedgerOutcome.InvalidField("amount", "Un rejet n'accorde aucun montant.");
        if (command.Amount > request.Amount)
            return LedgerOutcome.InvalidField("amount", $"Au plus le montant demandé, {PostingChain.Euros(request.Amount)} €.");
        var amount = decision == FinancingDecision.Rejected ? (decimal?)null : command.Amount ?? request.Amount;
        var decided = new FinancingRequestDecided(request.Id, decision.Value, amount, at, by);
        return request.Status switch
        {
            FinancingStatus.Examined => new LedgerOutcome.Accepted(decided),
            FinancingStatus.Submitted => new LedgerOutcome.Refused("La commission statue après l'examen de la demande.", "non-examinee"),
            _ when request.Granted == amount && StatusOf(decision.Value) == request.Status => new LedgerOutcome.Already(),
            _ => new LedgerOutcome.Refused("La commission a déjà statué sur cette demande.", "deja-decidee"),
        };
    }

    private static FinancingStatus StatusOf(FinancingDecision d) => d switch
    {
        FinancingDecision.Rejected => FinancingStatus.Rejected,
        FinancingDecision.Granted => FinancingStatus.Granted,
        _ => FinancingStatus.BridgeLoanGranted,
    };
}
