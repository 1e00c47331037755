using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Ledger;
using Ordre.Solidarity.Ledger.Reading;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Solidarity.Financing.Reading;

/// <summary>GET /financing-requests/{id}: the requesting council, the national council.</summary>
public static class GetFinancingRequestEndpoint
{
    public static async Task<Results<Ok<FinancingRequestView>, ProblemHttpResult>> Handle(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<FinancingRequest>(id, ct) is not { } request)
            return Problems.NotFound($"Aucune demande de financement {id}.");
        return await Outside(session, request, user, ct) is { } refusal ? Problems.OutsideJurisdiction(refusal) : TypedResults.Ok(FinancingRequestView.Of(request));
    }

    public static async Task<string?> Outside(IQuerySession session, FinancingRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        await ReadLedgerEndpoints.Find(session, request.Council, ct) is { } account ? LedgerModule.OutsideOf(account, user) : null;
}
