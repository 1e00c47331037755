using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.Lps.Reading;

/// <summary>GET /lps-declarations/{id}: the declaration as its snapshot holds it.</summary>
public static class GetLpsDeclarationEndpoint
{
    public static async Task<Results<Ok<LpsDeclaration>, ProblemHttpResult>> Handle(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<LpsDeclaration>(id, ct) is { } declaration
            ? TypedResults.Ok(declaration)
            : Problems.NotFound($"Aucune déclaration de libre prestation de services {id}.");
}
