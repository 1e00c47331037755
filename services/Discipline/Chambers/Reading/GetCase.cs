using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Discipline.Chambers.Reading;

/// <summary>GET /cases/{id}: the chamber of the case's region, the national chamber, the national council.</summary>
public static class GetCaseEndpoint
{
    public static async Task<Results<Ok<ChamberCase>, ProblemHttpResult>> Handle(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<ChamberCase>(id, ct) is not { } chamberCase)
            return Problems.NotFound($"Aucune affaire {id}.");
        return CaseChange.OtherChamber(chamberCase, user) is { } refusal ? Problems.OutsideJurisdiction(refusal) : TypedResults.Ok(chamberCase);
    }
}
