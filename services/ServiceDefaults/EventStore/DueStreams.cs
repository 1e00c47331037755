using System.Linq.Expressions;
using JasperFx;
using Marten;
using Microsoft.Extensions.Logging;

namespace Ordre.ServiceDefaults.EventStore;

/// <summary>
/// The common step of the deadline sweepers (deadlines as data): find the snapshots whose indexed next deadline
/// has come, and append to each stream what its rule says the day brings, one transaction per stream. A stream
/// changed by someone else meanwhile loses with a concurrency error and is re-read by the next sweep. Due streams are
/// taken oldest deadline first (then by id), so that a backlog larger than one sweep is worked through in the order
/// the days came and no due change waits behind newer ones.
/// </summary>
public static class DueStreams
{
    public const int PerSweep = 1_000;

    /// <summary>
    /// Returns how many streams changed. <paramref name="alsoInTheSameTransaction"/> may store documents with the events.
    /// A stream the rules fail on is logged and skipped, so that it does not hold the others back.
    /// </summary>
    public static async Task<int> AppendWhatIsDueAsync<T>(
        this IDocumentStore store, Expression<Func<T, bool>> isDue, Expression<Func<T, DateOnly?>> dueOn, Expression<Func<T, Guid>> id,
        Func<T, IReadOnlyList<object>> dueEvents, ILogger logger, CancellationToken ct,
        Action<IDocumentSession, T>? alsoInTheSameTransaction = null) where T : class
    {
        await using var query = store.QuerySession();
        var due = await query.Query<T>().Where(isDue).OrderBy(dueOn).ThenBy(id).Select(id).Take(PerSweep).ToListAsync(ct);
        var changed = 0;
        foreach (var streamId in due)
        {
            try
            {
                await using var session = store.LightweightSession();
                var stream = await session.Events.FetchForWriting<T>(streamId, ct);
                if (stream.Aggregate is not { } aggregate || dueEvents(aggregate) is not { Count: > 0 } events)
                    continue;
                stream.AppendMany(events);
                alsoInTheSameTransaction?.Invoke(session, aggregate);
                await session.SaveChangesAsync(ct);
                changed++;
            }
            catch (ConcurrencyException)
            {
                // A command changed the stream at the same moment: its change stands; the next sweep re-reads it.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Deadline sweep: {Type} {StreamId} could not be swept", typeof(T).Name, streamId);
            }
        }
        return changed;
    }
}
