using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.Lps;

/// <summary>The write path the declaration's commands share: load, decide, append, answer the new state.</summary>
public static class LpsChange
{
    public static async Task<Results<Ok<LpsDeclaration>, ValidationProblem, ProblemHttpResult>> Apply(
        Guid id, IDocumentSession session, Func<LpsDeclaration, Outcome> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<LpsDeclaration>(id, ct);
        if (stream.Aggregate is not { } declaration)
            return Problems.NotFound($"Aucune déclaration de libre prestation de services {id}.");
        return await StreamChange.DecideAndAppend(stream, declaration, session, decide, (after, _) => after, ct);
    }
}
