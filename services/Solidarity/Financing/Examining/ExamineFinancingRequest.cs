using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Ledger;

namespace Ordre.Solidarity.Financing.Examining;

/// <summary>Body of POST /financing-requests/{id}/examination: the commission's opinion, if any.</summary>
public sealed record ExamineFinancingRequest(string? Opinion = null);

public static class ExamineFinancingRequestEndpoint
{
    public static Task<Results<Ok<FinancingRequestView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ExamineFinancingRequest? command, ClaimsPrincipal user, LedgerChange ledger, CancellationToken ct) =>
        FinancingChange.Apply(id, ledger, (request, _, at) => Decide(request, command ?? new(), at, user.Actor()), ct);

    public static LedgerOutcome Decide(FinancingRequest request, ExamineFinancingRequest command, DateTimeOffset at, string by) =>
        command.Opinion is { Length: > 2000 } ? LedgerOutcome.InvalidField("opinion", "Avis de 2 000 caractères au plus.")
        : request.Status == FinancingStatus.Submitted ? new LedgerOutcome.Accepted(new FinancingRequestExamined(request.Id, command.Opinion, at, by))
        : request.Status == FinancingStatus.Examined && request.Opinion == command.Opinion ? new LedgerOutcome.Already()
        : new LedgerOutcome.Refused("Cette demande a déjà été examinée.", "deja-examinee");
}
