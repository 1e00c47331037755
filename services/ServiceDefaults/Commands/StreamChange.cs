using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.ServiceDefaults.Commands;

/// <summary>
/// The end of every command on a loaded stream: apply the rule's <see cref="Outcome"/>, append its events with
/// any further writes of the same transaction, and answer 200 with the new state, 400 or 409.
/// </summary>
public static class StreamChange
{
    /// <summary>Further writes of the same transaction; returns why they cannot happen (409), or null.</summary>
    public delegate Task<string?> Consequences(IReadOnlyList<object> events);

    public static async Task<Results<Ok<TAnswer>, ValidationProblem, ProblemHttpResult>> DecideAndAppend<T, TAnswer>(
        IEventStream<T> stream, T current, IDocumentSession session, Func<T, Outcome> decide,
        Func<T, long, TAnswer> answer, CancellationToken ct, Consequences? consequences = null)
        where T : class
    {
        switch (decide(current))
        {
            case Outcome.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors, title: "Demande invalide");
            case Outcome.NotAllowed notAllowed:
                return Problems.Problems.Conflict(notAllowed.Reason);
            case Outcome.Accepted { Events.Length: 0 }:
                return TypedResults.Ok(answer(current, stream.StartingVersion ?? 0));
            case Outcome.Accepted accepted:
                if (consequences is not null && await consequences(accepted.Events) is { } impossible)
                    return Problems.Problems.Conflict(impossible);
                stream.AppendMany(accepted.Events);
                await session.SaveChangesAsync(ct);
                return TypedResults.Ok(answer(accepted.Events.Aggregate(current, Evolution<T>.Apply), (stream.StartingVersion ?? 0) + accepted.Events.Length));
            default:
                throw new InvalidOperationException("unknown outcome");
        }
    }
}
