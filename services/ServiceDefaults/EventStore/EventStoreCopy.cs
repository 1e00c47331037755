using Npgsql;
using NpgsqlTypes;

namespace Ordre.ServiceDefaults.EventStore;

/// <summary>
/// The parts of writing Marten's event tables by binary COPY (a bulk upload's batch) that do not depend on what is
/// written: the batch's block of sequence numbers, and its new streams.
/// </summary>
public static class EventStoreCopy
{
    /// <summary>
    /// ONE call drawing <paramref name="count"/> numbers from <c>mt_events_sequence</c> (as Marten's own append does, so
    /// the async daemon's high-water mark sees no other gap than Marten's would), in ascending order, and the
    /// transaction's time: mt_events' own default for its timestamp is a constant (the table's creation), Marten's
    /// append writes the transaction's time.
    /// </summary>
    public static async Task<(long[] Sequence, DateTime TransactionTime)> DrawSequenceBlockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, int count, CancellationToken token)
    {
        var sequence = new long[count];
        var now = default(DateTime);
        await using (var draw = new NpgsqlCommand($"select nextval('{schema}.mt_events_sequence'), now() from generate_series(1, $1)", connection, transaction))
        {
            draw.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
            await using var reader = await draw.ExecuteReaderAsync(token);
            for (var i = 0; await reader.ReadAsync(token); i++)
            {
                sequence[i] = reader.GetInt64(0);
                now = reader.GetFieldValue<DateTime>(1);
            }
        }
        Array.Sort(sequence);
        return (sequence, now);
    }

    /// <summary>New streams of one type into <c>mt_streams</c>, each at its version (its number of events).</summary>
    public static async Task CopyStreamsAsync(NpgsqlConnection connection, string schema, IReadOnlyList<Guid> ids, string type,
        IReadOnlyList<long> versions, CancellationToken token)
    {
        await using var streams = await connection.BeginBinaryImportAsync($"copy {schema}.mt_streams (id, type, version) from stdin (format binary)", token);
        for (var d = 0; d < ids.Count; d++)
        {
            await streams.StartRowAsync(token);
            await streams.WriteAsync(ids[d], NpgsqlDbType.Uuid, token);
            await streams.WriteAsync(type, NpgsqlDbType.Varchar, token);
            await streams.WriteAsync(versions[d], NpgsqlDbType.Bigint, token);
        }
        await streams.CompleteAsync(token);
    }
}
