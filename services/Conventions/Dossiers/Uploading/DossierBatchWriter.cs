using System.Buffers;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Ordre.Conventions.Dossiers.Submitting;

namespace Ordre.Conventions.Dossiers.Uploading;

/// <summary>
/// Writes an upload batch's new dossiers as Marten would (their streams, their events, their inline snapshots) but by binary
/// COPY in the batch's transaction, instead of one insert per event and one upsert per snapshot: the whole batch stays one
/// transaction (all or nothing, with its references, its report and its message). The year's upload went from 2,079 to
/// 3,086 conventions/s end to end with three <c>INSERT … unnest</c>, then to 4,035/s with COPY (docs/benchmarks.md). What
/// Marten's own append would do, and this must do too:
/// <list type="bullet">
/// <item>each new stream in <c>mt_streams</c> (type <see cref="StreamType"/>, version = its number of events) before its events;</item>
/// <item>each event in <c>mt_events</c> with a <c>seq_id</c> drawn from <c>mt_events_sequence</c> in the batch's order, its
/// version in its stream, Marten's stored name for its type and its .NET type name, the transaction's time;</item>
/// <item>each snapshot in <c>mt_doc_dossier</c>: the aggregate of its events (<see cref="Evolution{TAggregate}"/>, the
/// aggregate's own <c>Apply</c> methods, the ones Marten's projection calls), serialized by Marten's serializer, its
/// <c>mt_version</c> the stream's version.</item>
/// </list>
/// The dossiers are new (ids drawn now): nothing to read, nothing to update. The async daemon sees the events like any
/// others (the sequence is the same; a rolled-back batch leaves the same gap Marten's own append would).
/// <c>DossiersWrittenByOneStatementAreThoseMartenWrites</c> compares the rows with the ones Marten writes.
/// </summary>
public sealed class DossierBatchWriter(IDocumentSession session)
{
    public const string StreamType = "dossier";

    private readonly ISerializer _serializer = session.DocumentStore.Options.Serializer();
    private readonly Dictionary<Type, (string Name, string DotNet)> _types = session.DocumentStore.Options.Events.AllKnownEventTypes()
        .ToDictionary(e => e.EventType, e => (e.EventTypeName, $"{e.EventType.FullName}, {e.EventType.Assembly.GetName().Name}"));
    private readonly List<(Guid Id, IReadOnlyList<object> Events)> _dossiers = [];
    // One buffer for the batch's JSON, reused from row to row: each body is copied out as its UTF-8 bytes.
    private readonly ArrayBufferWriter<byte> _json = new(4096);

    public int Dossiers => _dossiers.Count;

    /// <summary>A new dossier's stream (its first event is its <see cref="DossierSubmitted"/>), written when <see cref="Queue"/> is called.</summary>
    public void Add(Guid id, IReadOnlyList<object> events) => _dossiers.Add((id, events));

    /// <summary>
    /// Prepares the batch's rows (serialized now, while the batch before is saved) and enlists the writer in the session's
    /// transaction: when the session is saved, after Marten's own statements (the references, the report, the batch's
    /// message) and before the commit, the rows go by binary COPY (<see cref="Copy"/>).
    /// </summary>
    public void Queue()
    {
        if (_dossiers.Count == 0)
            return;
        var eventCount = _dossiers.Sum(d => d.Events.Count);
        var rows = new Rows(new Guid[_dossiers.Count], new long[_dossiers.Count], new byte[_dossiers.Count][],
            new Guid[eventCount], new Guid[eventCount], new long[eventCount], new byte[eventCount][], new string[eventCount], new string[eventCount]);
        var n = 0;
        for (var d = 0; d < _dossiers.Count; d++)
        {
            var (id, events) = _dossiers[d];
            var snapshot = Dossier.Create((DossierSubmitted)events[0]);
            for (var i = 0; i < events.Count; i++, n++)
            {
                var e = events[i];
                if (i > 0)
                    snapshot = Evolution<Dossier>.Apply(snapshot, e);
                (rows.EventTypes[n], rows.DotNetTypes[n]) = _types[e.GetType()];
                rows.EventIds[n] = Guid.CreateVersion7();
                rows.EventStreams[n] = id;
                rows.EventVersions[n] = i + 1;
                rows.Bodies[n] = Utf8Json(e);
            }
            rows.Streams[d] = id;
            rows.StreamVersions[d] = events.Count;
            rows.Snapshots[d] = Utf8Json(snapshot);
        }
        _dossiers.Clear();
        // A save with no operation of Marten's own is skipped, participants included: one statement makes sure it runs.
        session.QueueSqlCommand("select 1");
        // Marten's sessions take participants through this interface (the one its EF Core integration uses).
        ((ITransactionParticipantRegistrar)session).AddTransactionParticipant(new Copy(rows, session.DocumentStore.Options.Events.DatabaseSchemaName, session.DocumentStore.Options.DatabaseSchemaName));
    }

    /// <summary>
    /// Marten's serializer writing UTF-8 (the bytes its <c>ToJson</c> would give once encoded), handed to the COPY as they
    /// are: no UTF-16 string per body for Npgsql to encode again (half the memory; 5 % of the service's CPU was that
    /// encoding during a year's upload, docs/benchmarks.md).
    /// </summary>
    private byte[] Utf8Json(object value)
    {
        _json.ResetWrittenCount();
        _serializer.WriteTo(_json, value);
        return _json.WrittenSpan.ToArray();
    }

    private sealed record Rows(
        Guid[] Streams, long[] StreamVersions, byte[][] Snapshots,
        Guid[] EventIds, Guid[] EventStreams, long[] EventVersions, byte[][] Bodies, string[] EventTypes, string[] DotNetTypes);

    /// <summary>
    /// The batch's rows by binary COPY on the batch transaction's connection: first the events' <c>seq_id</c>, ONE call
    /// drawing the batch's block from <c>mt_events_sequence</c> (as Marten's own append does, so the async daemon's
    /// high-water mark sees no other gap than Marten's would), then the streams, the events in the batch's order, the
    /// snapshots. Marten may call it again on a fresh transaction (its write retries): it writes everything again, new
    /// sequence numbers included.
    /// </summary>
    private sealed class Copy(Rows rows, string events, string documents) : ITransactionParticipant
    {
        public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
        {
            var (sequence, now) = await EventStoreCopy.DrawSequenceBlockAsync(connection, transaction, events, rows.EventIds.Length, token);
            await EventStoreCopy.CopyStreamsAsync(connection, events, rows.Streams, StreamType, rows.StreamVersions, token);
            await using (var written = await connection.BeginBinaryImportAsync(
                             $"copy {events}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type) from stdin (format binary)", token))
            {
                for (var n = 0; n < sequence.Length; n++)
                {
                    await written.StartRowAsync(token);
                    await written.WriteAsync(sequence[n], NpgsqlDbType.Bigint, token);
                    await written.WriteAsync(rows.EventIds[n], NpgsqlDbType.Uuid, token);
                    await written.WriteAsync(rows.EventStreams[n], NpgsqlDbType.Uuid, token);
                    await written.WriteAsync(rows.EventVersions[n], NpgsqlDbType.Bigint, token);
                    await written.WriteAsync(rows.Bodies[n], NpgsqlDbType.Jsonb, token);
                    await written.WriteAsync(rows.EventTypes[n], NpgsqlDbType.Varchar, token);
                    await written.WriteAsync(now, NpgsqlDbType.TimestampTz, token);
                    await written.WriteAsync(rows.DotNetTypes[n], NpgsqlDbType.Varchar, token);
                }
                await written.CompleteAsync(token);
            }
            var dotNetType = typeof(Dossier).FullName!;
            await using (var snapshots = await connection.BeginBinaryImportAsync(
                             $"copy {documents}.mt_doc_dossier (id, data, mt_dotnet_type, mt_version) from stdin (format binary)", token))
            {
                for (var d = 0; d < rows.Streams.Length; d++)
                {
                    await snapshots.StartRowAsync(token);
                    await snapshots.WriteAsync(rows.Streams[d], NpgsqlDbType.Uuid, token);
                    await snapshots.WriteAsync(rows.Snapshots[d], NpgsqlDbType.Jsonb, token);
                    await snapshots.WriteAsync(dotNetType, NpgsqlDbType.Varchar, token);
                    await snapshots.WriteAsync(rows.StreamVersions[d], NpgsqlDbType.Bigint, token);
                }
                await snapshots.CompleteAsync(token);
            }
        }
    }
}
