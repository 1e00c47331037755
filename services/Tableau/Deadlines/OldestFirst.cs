using System.Linq.Expressions;
using JasperFx;
using Marten;

namespace Ordre.Tableau.Deadlines;

/// <summary>
/// The Tableau's deadline sweep step: like <see cref="DueStreams.AppendWhatIsDueAsync{T}"/>, but the due streams are taken
/// oldest deadline first (then by id), so that a backlog larger than one sweep is worked through in the order the days
/// came, and no due change waits behind newer ones. (DueStreams in ServiceDefaults takes them in no set order; it is
/// shared with Discipline and left as it is here.)
/// </summary>
public static class OldestFirst
{
    /// <summary>Returns how many streams changed; a stream the rules fail on is logged and skipped.</summary>
    public static async Task<int> AppendDueOldestFirstAsync<T>(
        this IDocumentStore store, Expression<Func<T, bool>> isDue, Expression<Func<T, DateOnly?>> dueOn, Expression<Func<T, Guid>> id,
        Func<T, IReadOnlyList<object>> dueEvents, ILogger logger, CancellationToken ct,
        Action<IDocumentSession, T>? alsoInTheSameTransaction = null) where T : class
    {
        await using var query = store.QuerySession();
        var due = await query.Query<T>().Where(isDue).OrderBy(dueOn).ThenBy(id).Select(id).Take(DueStreams.PerSweep).ToListAsync(ct);
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
