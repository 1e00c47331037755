using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Ordre.Client;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Bench;

/// <summary>
/// IDAHE's year (issue 12 §11): 301,674 conventions shaped like 2020's (<see cref="DemoConventions"/>, doctors of the demo
/// register) uploaded as ONE CSV through the gateway by a demo company, measured end to end: the upload accepted (its
/// 201), the last dossier readable by the company, and every dossier counted on the bus (a temporary queue bound to the
/// exchange of <c>ConventionDossiersSubmitted</c>, drained through RabbitMQ's management API). In the same run, the
/// references: raw Marten append of the same rows (same event shapes, a bench schema of a bench database, batches of
/// 1,000 per transaction, nothing else) and raw binary COPY of the same rows. The Conventions process's RSS is sampled
/// during the upload (/proc/&lt;pid&gt;/status). Prints markdown rows.
/// </summary>
public static class ConventionsYear
{
    private const string Exchange = "Ordre.Contracts.Conventions:ConventionDossiersSubmitted";

    public static async Task<int> RunAsync(Uri gateway, int rows, string company, string pidFile, string postgres, Uri rabbit, int seed, bool uploadOnly = false)
    {
        var api = OrdreClient.Create(gateway);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var prefix = "B" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var token = await api.SignInAsync(company);

        var watch = Stopwatch.StartNew();
        var doctors = await DemoConventions.RegisteredDoctorsAsync(api, 10_000, token);
        var file = Path.Combine(Path.GetTempPath(), $"ordre-bench-conventions-{prefix}.csv");
        await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16))
            await new DemoConventions(seed, prefix, doctors, today).WriteAsync(writer, rows);
        var size = new FileInfo(file).Length;
        Console.WriteLine($"{rows:N0} conventions ({doctors.Count:N0} doctors of the register), {size / 1024.0 / 1024:0.0} MiB of CSV, made in {watch.Elapsed.TotalSeconds:0.0} s: {file}");

        using var management = Management(rabbit);
        var queue = $"bench-conventions-{prefix}";
        (await management.PutAsJsonAsync("api/exchanges/%2F/" + Uri.EscapeDataString(Exchange), new { type = "fanout", durable = true, auto_delete = false, arguments = new { } })).EnsureSuccessStatusCode();
        (await management.PutAsJsonAsync($"api/queues/%2F/{queue}", new { durable = false, auto_delete = false, arguments = new Dictionary<string, object> { ["x-expires"] = 3_600_000 } })).EnsureSuccessStatusCode();
        (await management.PostAsJsonAsync($"api/bindings/%2F/e/{Uri.EscapeDataString(Exchange)}/q/{queue}", new { routing_key = "" })).EnsureSuccessStatusCode();

        var pid = File.Exists(pidFile) ? int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), CultureInfo.InvariantCulture) : (int?)null;
        var rssBefore = pid is { } p0 ? Rss(p0) : null;
        long? rssPeak = rssBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested && pid is { } p)
            {
                if (Rss(p) is { } rss && rss > (rssPeak ?? 0)) rssPeak = rss;
                try { await Task.Delay(200, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        // The upload, timed from the first byte sent.
        using var http = new HttpClient { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var cpuBefore = MachineCpu.Read();
        var started = Stopwatch.StartNew();
        HttpResponseMessage response;
        await using (var body = File.OpenRead(file))
        {
            using var content = new StreamContent(body, 1 << 16);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Headers.ContentLength = size;
            response = await http.PostAsync("/conventions/uploads", content);
        }
        var accepted = started.Elapsed;
        var cpuDuringUpload = MachineCpu.Read() - cpuBefore;
        var answer = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"upload refused: {(int)response.StatusCode} {answer}");
            return 1;
        }
        var upload = JsonDocument.Parse(answer).RootElement;
        int Count(string name) => upload.GetProperty(name).GetInt32();
        var (uploadRows, acceptedRows, unchanged, rejected) = (Count("rows"), Count("accepted"), Count("unchanged"), Count("rejected"));

        // Readable by the company: the file's last row among its most recent dossiers (ids of one millisecond are not
        // ordered), then read by its id.
        var lastReference = $"{prefix}-{rows:D6}";
        TimeSpan? readable = null;
        for (var tries = 0; tries < 100 && readable is null; tries++)
        {
            var page = JsonDocument.Parse(await http.GetStringAsync("/conventions/dossiers?page=1&pageSize=100")).RootElement;
            var last = page.GetProperty("items").EnumerateArray().FirstOrDefault(d => d.GetProperty("reference").GetString() == lastReference);
            if (last.ValueKind == JsonValueKind.Object
                && await http.GetAsync($"/conventions/dossiers/{last.GetProperty("id").GetGuid()}") is { IsSuccessStatusCode: true } read
                && (await read.Content.ReadAsStringAsync()).Contains(lastReference, StringComparison.Ordinal))
                readable = started.Elapsed;
            else
                await Task.Delay(50);
        }

        // Counted on the bus: every accepted dossier in the batches' messages.
        var counted = 0;
        var messages = 0;
        TimeSpan? onTheBus = null;
        var waitUntil = started.Elapsed + TimeSpan.FromMinutes(5);
        while (onTheBus is null && started.Elapsed < waitUntil)
        {
            var got = await management.PostAsJsonAsync($"api/queues/%2F/{queue}/get", new { count = 500, ackmode = "ack_requeue_false", encoding = "auto" });
            var batch = JsonDocument.Parse(await got.Content.ReadAsStringAsync()).RootElement;
            foreach (var message in batch.EnumerateArray())
            {
                messages++;
                var envelope = JsonDocument.Parse(message.GetProperty("payload").GetString()!).RootElement;
                foreach (var count in envelope.GetProperty("message").GetProperty("counts").EnumerateArray())
                    counted += count.GetProperty("dossiers").GetInt32();
            }
            if (counted >= acceptedRows)
                onTheBus = started.Elapsed;
            else if (batch.GetArrayLength() == 0)
                await Task.Delay(50);
        }
        await sampling.CancelAsync();
        await sampler;
        await management.DeleteAsync($"api/queues/%2F/{queue}");

        // The references, the same rows: raw Marten append, then raw binary COPY.
        // --upload-only: the service's figures alone (A/B runs of a setting), without the minutes of the reference rows.
        var (martenSeconds, copySeconds, withDocumentsSeconds, setSeconds, copyWrittenSeconds) = uploadOnly
            ? (double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
            : await References(postgres, seed, prefix, doctors, today, rows);
        File.Delete(file);

        var endToEnd = new[] { accepted, readable ?? TimeSpan.MaxValue, onTheBus ?? TimeSpan.MaxValue }.Max();
        Console.WriteLine();
        Console.WriteLine($"IDAHE year through the gateway ({company}, {uploadRows:N0} rows: {acceptedRows:N0} accepted, {unchanged:N0} unchanged, {rejected:N0} rejected) — {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine("| measure | rows | seconds | conventions/s | Conventions RSS MB |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        string Mb(long? kb) => kb is { } k ? (k / 1024).ToString(CultureInfo.InvariantCulture) : "?";
        void Row(string what, TimeSpan? time, string rss = "")
        {
            var seconds = time is { } t && t != TimeSpan.MaxValue ? t.TotalSeconds : double.NaN;
            Console.WriteLine($"| {what} | {rows:N0} | {(double.IsNaN(seconds) ? "not reached" : seconds.ToString("0.0", CultureInfo.InvariantCulture))} | " +
                $"{(double.IsNaN(seconds) ? "-" : (rows / seconds).ToString("N0", CultureInfo.InvariantCulture))} | {rss} |");
        }
        Row("upload accepted (201)", accepted, $"{Mb(rssBefore)} before, peak {Mb(rssPeak)}");
        Row("last dossier readable by the company", readable);
        Row($"counted on the bus ({messages:N0} messages, {counted:N0} dossiers)", onTheBus);
        Row("**end to end** (the latest of the three)", endToEnd);
        if (uploadOnly)
        {
            Console.WriteLine($"During the upload, the machine's CPU: {cpuDuringUpload}.");
            return 0;
        }
        Row("raw Marten append (same events, 1,000 streams per transaction)", TimeSpan.FromSeconds(martenSeconds));
        Row("raw binary COPY (same rows as jsonb)", TimeSpan.FromSeconds(copySeconds));
        Row("Marten append + a snapshot and a reference document per row (what the service wrote before, without its logic)", TimeSpan.FromSeconds(withDocumentsSeconds));
        Row("the same rows by one INSERT … unnest per table and batch (what the service wrote before, without its logic)", TimeSpan.FromSeconds(setSeconds));
        Row("the same rows by binary COPY in the batch's transaction (what the service writes now, without its logic)", TimeSpan.FromSeconds(copyWrittenSeconds));
        Console.WriteLine($"End to end / raw Marten append: {martenSeconds / endToEnd.TotalSeconds:0.00} (target ≥ 0.5); target ≥ 5,000 conventions/s; RSS < 300 MB.");
        Console.WriteLine($"During the upload, the machine's CPU: {cpuDuringUpload}.");
        return 0;
    }

    /// <summary>Only the references (raw Marten append, raw COPY) of generated rows, without the system: for profiling.</summary>
    public static async Task<int> ReferencesOnlyAsync(int rows, string postgres)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (marten, copy, withDocuments, set, copied) = await References(postgres, 2020, "REF", [.. Enumerable.Range(0, 5_000).Select(i => DemoDoctors.Rpps(i * 7_919))], today, rows);
        Console.WriteLine($"{rows:N0} rows: raw Marten append {marten:0.0} s ({rows / marten:N0}/s), raw binary COPY {copy:0.0} s ({rows / copy:N0}/s), " +
            $"Marten append with the two documents {withDocuments:0.0} s ({rows / withDocuments:N0}/s), " +
            $"by INSERT … unnest {set:0.0} s ({rows / set:N0}/s), by COPY in the transaction {copied:0.0} s ({rows / copied:N0}/s)");
        return 0;
    }

    private static HttpClient Management(Uri rabbit)
    {
        var client = new HttpClient { BaseAddress = new Uri(rabbit.GetLeftPart(UriPartial.Authority) + "/") };
        var user = string.IsNullOrEmpty(rabbit.UserInfo) ? "guest:guest" : Uri.UnescapeDataString(rabbit.UserInfo);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        return client;
    }

    /// <summary>VmRSS of a process in KiB, or null when it is gone.</summary>
    private static long? Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    // The service's event shapes (services/Conventions: DossierSubmitted, BeneficiaryChecked), copied: the bench references no service.
    public sealed record Beneficiary(string Kind, string? Rpps, string? Ine, string? Name);
    public sealed record Benefit(string Nature, string Description, decimal Amount);
    public sealed record DossierSubmitted(
        Guid DossierId, string CompanyId, string Reference, string Regime, string Category, Beneficiary Beneficiary, string Purpose,
        IReadOnlyList<Benefit> Benefits, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly BenefitOn, DateOnly ReceivedOn, string CalendarDepartment,
        DateOnly? LatestSendingOn, bool Late, DateOnly? DecisionDueOn, DateOnly? IncompletenessNoticeDueOn, Guid? LinkedDossierId, string By,
        bool Urgent = false, Guid? BatchId = null);
    public sealed record BeneficiaryChecked(Guid DossierId, bool RegisteredAndPractising, DateOnly On);

    private static DossierSubmitted Event(string row, DateOnly today)
    {
        var c = row.Split(';');
        var amount = decimal.Parse(c[9].Replace(',', '.'), CultureInfo.InvariantCulture);
        var authorisation = amount > 2_000m;
        return new DossierSubmitted(Guid.CreateVersion7(), "bench", c[0], authorisation ? "Authorisation" : "Declaration", c[1],
            new Beneficiary(c[2], c[3] is "" ? null : c[3], c[4] is "" ? null : c[4], c[5] is "" ? null : c[5]), c[6],
            [new Benefit(c[7], c[8], amount)], DateOnly.Parse(c[11], CultureInfo.InvariantCulture), DateOnly.Parse(c[12], CultureInfo.InvariantCulture),
            DateOnly.Parse(c[10], CultureInfo.InvariantCulture), today, "75", authorisation ? null : today.AddDays(10), false,
            authorisation ? today.AddMonths(2) : null, authorisation ? today.AddMonths(1) : null, null, "bench", c[13] == "oui");
    }

    // What the service writes beside the events for each convention: the dossier's snapshot and the company's reference.
    public sealed record DossierDocument(Guid Id, string CompanyId, string Reference, DateOnly? NextDeadline, DossierSubmitted Submitted);
    public sealed record ReferenceDocument(string Id, string Fingerprint, Guid DossierId);

    /// <summary>
    /// What the service's upload now writes for a batch (services/Conventions, DossierBatchWriter): the streams, the events, the
    /// snapshots and the references each by ONE INSERT … unnest, queued in one Marten session (one transaction).
    /// </summary>
    private static async Task<double> SetWrittenAsync(IDocumentStore store, string connectionString, List<DossierSubmitted> events, string referenceTable, DateOnly today, bool copy = false)
    {
        var schema = store.Options.DatabaseSchemaName;
        var serializer = store.Options.Serializer();
        string dossierTable;
        await using (var lookup = new NpgsqlConnection(connectionString))
        {
            await lookup.OpenAsync();
            dossierTable = schema + "." + (string)(await new NpgsqlCommand(
                $"select table_name from information_schema.tables where table_schema = '{schema}' and table_name like 'mt_doc_%dossierdocument'", lookup).ExecuteScalarAsync())!;
        }
        static (string EventTypeName, string DotNetTypeName) Names(Type type) =>
            (type.GetEventTypeName(), $"{type.FullName}, {type.Assembly.GetName().Name}");
        var submittedType = Names(typeof(DossierSubmitted));
        var checkedType = Names(typeof(BeneficiaryChecked));
        var watch = Stopwatch.StartNew();
        foreach (var batch in events.Chunk(1_000))
        {
            await using var session = store.LightweightSession();
            var streamIds = new List<Guid>(batch.Length);
            var versions = new List<long>(batch.Length);
            var ids = new List<Guid>(batch.Length * 2);
            var streams = new List<Guid>(batch.Length * 2);
            var eventVersions = new List<long>(batch.Length * 2);
            var bodies = new List<string>(batch.Length * 2);
            var types = new List<string>(batch.Length * 2);
            var dotnet = new List<string>(batch.Length * 2);
            void Add(Guid stream, long version, object body, string type, string clr)
            {
                ids.Add(Guid.CreateVersion7());
                streams.Add(stream);
                eventVersions.Add(version);
                bodies.Add(serializer.ToJson(body));
                types.Add(type);
                dotnet.Add(clr);
            }
            foreach (var e in batch)
            {
                Add(e.DossierId, 1, e, submittedType.EventTypeName, submittedType.DotNetTypeName);
                var version = 1L;
                if (e.Beneficiary.Kind == "medecin")
                    Add(e.DossierId, version = 2, new BeneficiaryChecked(e.DossierId, true, today), checkedType.EventTypeName, checkedType.DotNetTypeName);
                streamIds.Add(e.DossierId);
                versions.Add(version);
            }
            var snapshots = batch.Select(e => serializer.ToJson(new DossierDocument(e.DossierId, e.CompanyId, e.Reference, e.DecisionDueOn ?? e.BenefitOn, e))).ToArray();
            if (copy)
            {
                ((ITransactionParticipantRegistrar)session).AddTransactionParticipant(new Copied(schema, dossierTable, streamIds.ToArray(), versions.ToArray(), snapshots,
                    ids.ToArray(), streams.ToArray(), eventVersions.ToArray(), bodies.ToArray(), types.ToArray(), dotnet.ToArray(), typeof(DossierDocument).FullName!));
                var copiedReferences = batch.Select(e => new ReferenceDocument($"{e.CompanyId}/{e.Reference}", e.Reference, e.DossierId)).ToList();
                session.QueueSqlCommand($"insert into {referenceTable} (id, data) select * from unnest(?::varchar[], ?::jsonb[])",
                    copiedReferences.Select(r => r.Id).ToArray(), copiedReferences.Select(r => serializer.ToJson(r)).ToArray());
                await session.SaveChangesAsync();
                continue;
            }
            session.QueueSqlCommand($"insert into {schema}.mt_streams (id, type, version, timestamp, created) select id, 'dossier', version, now(), now() from unnest(?::uuid[], ?::bigint[]) as s(id, version)",
                streamIds.ToArray(), versions.ToArray());
            session.QueueSqlCommand($"insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type) " +
                $"select nextval('{schema}.mt_events_sequence'), id, stream_id, version, data, type, now(), dotnet from " +
                "unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::jsonb[], ?::varchar[], ?::varchar[]) with ordinality as e(id, stream_id, version, data, type, dotnet, n) order by n",
                ids.ToArray(), streams.ToArray(), eventVersions.ToArray(), bodies.ToArray(), types.ToArray(), dotnet.ToArray());
            session.QueueSqlCommand($"insert into {dossierTable} (id, data, mt_dotnet_type) select * from unnest(?::uuid[], ?::jsonb[], ?::varchar[])",
                streamIds.ToArray(), snapshots,
                batch.Select(_ => typeof(DossierDocument).FullName!).ToArray());
            var references = batch.Select(e => new ReferenceDocument($"{e.CompanyId}/{e.Reference}", e.Reference, e.DossierId)).ToList();
            session.QueueSqlCommand($"insert into {referenceTable} (id, data) select * from unnest(?::varchar[], ?::jsonb[])",
                references.Select(r => r.Id).ToArray(), references.Select(r => serializer.ToJson(r)).ToArray());
            await session.SaveChangesAsync();
        }
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>What the service's DossierBatchWriter now does: the streams, events and snapshots by binary COPY in the batch's transaction.</summary>
    private sealed record Copied(string Schema, string DossierTable, Guid[] Streams, long[] Versions, string[] Snapshots,
        Guid[] Ids, Guid[] EventStreams, long[] EventVersions, string[] Bodies, string[] Types, string[] DotNet, string DocumentType) : ITransactionParticipant
    {
        public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
        {
            var (sequence, now) = await EventStoreCopy.DrawSequenceBlockAsync(connection, transaction, Schema, Ids.Length, token);
            await EventStoreCopy.CopyStreamsAsync(connection, Schema, Streams, "dossier", Versions, token);
            await using (var import = await connection.BeginBinaryImportAsync(
                             $"copy {Schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type) from stdin (format binary)", token))
            {
                for (var n = 0; n < Ids.Length; n++)
                {
                    await import.StartRowAsync(token);
                    await import.WriteAsync(sequence[n], NpgsqlDbType.Bigint, token);
                    await import.WriteAsync(Ids[n], NpgsqlDbType.Uuid, token);
                    await import.WriteAsync(EventStreams[n], NpgsqlDbType.Uuid, token);
                    await import.WriteAsync(EventVersions[n], NpgsqlDbType.Bigint, token);
                    await import.WriteAsync(Bodies[n], NpgsqlDbType.Jsonb, token);
                    await import.WriteAsync(Types[n], NpgsqlDbType.Varchar, token);
                    await import.WriteAsync(now, NpgsqlDbType.TimestampTz, token);
                    await import.WriteAsync(DotNet[n], NpgsqlDbType.Varchar, token);
                }
                await import.CompleteAsync(token);
            }
            await using (var import = await connection.BeginBinaryImportAsync($"copy {DossierTable} (id, data, mt_dotnet_type) from stdin (format binary)", token))
            {
                for (var d = 0; d < Streams.Length; d++)
                {
                    await import.StartRowAsync(token);
                    await import.WriteAsync(Streams[d], NpgsqlDbType.Uuid, token);
                    await import.WriteAsync(Snapshots[d], NpgsqlDbType.Jsonb, token);
                    await import.WriteAsync(DocumentType, NpgsqlDbType.Varchar, token);
                }
                await import.CompleteAsync(token);
            }
        }
    }

    private static async Task<(double Marten, double Copy, double MartenWithDocuments, double SetWritten, double CopyWritten)> References(string postgres, int seed, string prefix, List<string> doctors, DateOnly today, int rows)
    {
        var admin = new NpgsqlConnectionStringBuilder(postgres);
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = 'ordre_bench'", connection);
            if (await exists.ExecuteScalarAsync() is null)
                await new NpgsqlCommand("create database ordre_bench", connection).ExecuteNonQueryAsync();
        }
        var bench = new NpgsqlConnectionStringBuilder(postgres) { Database = "ordre_bench" }.ConnectionString;

        using var store = DocumentStore.For(o =>
        {
            o.Connection(bench);
            o.DatabaseSchemaName = "bench_conventions";
            o.Events.DatabaseSchemaName = "bench_conventions";
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.Events.AddEventType<DossierSubmitted>();
            o.Events.AddEventType<BeneficiaryChecked>();
        });
        await store.Advanced.Clean.CompletelyRemoveAllAsync();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var generator = new DemoConventions(seed, prefix, doctors, today);
        var events = Enumerable.Range(1, rows).Select(i => Event(generator.Row(i), today)).ToList();
        var watch = Stopwatch.StartNew();
        foreach (var batch in events.Chunk(1_000))
        {
            await using var session = store.LightweightSession();
            foreach (var e in batch)
                if (e.Beneficiary.Kind == "medecin")
                    session.Events.StartStream(e.DossierId, e, new BeneficiaryChecked(e.DossierId, true, today));
                else
                    session.Events.StartStream(e.DossierId, e);
            await session.SaveChangesAsync();
        }
        var marten = watch.Elapsed.TotalSeconds;

        // The same append with the two documents per row the service adds (its snapshot with two indexes, its reference).
        using var withDocuments = DocumentStore.For(o =>
        {
            o.Connection(bench);
            o.DatabaseSchemaName = "bench_conventions_docs";
            o.Events.DatabaseSchemaName = "bench_conventions_docs";
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.Events.AddEventType<DossierSubmitted>();
            o.Events.AddEventType<BeneficiaryChecked>();
            o.Schema.For<DossierDocument>().Index(d => d.CompanyId).Index(d => d.NextDeadline);
            o.Schema.For<ReferenceDocument>();
        });
        await withDocuments.Advanced.Clean.CompletelyRemoveAllAsync();
        await withDocuments.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        watch.Restart();
        foreach (var batch in events.Chunk(1_000))
        {
            await using var session = withDocuments.LightweightSession();
            foreach (var e in batch)
            {
                if (e.Beneficiary.Kind == "medecin")
                    session.Events.StartStream(e.DossierId, e, new BeneficiaryChecked(e.DossierId, true, today));
                else
                    session.Events.StartStream(e.DossierId, e);
                session.Store(new DossierDocument(e.DossierId, e.CompanyId, e.Reference, e.DecisionDueOn ?? e.BenefitOn, e));
                session.Insert(new ReferenceDocument($"{e.CompanyId}/{e.Reference}", e.Reference, e.DossierId));
            }
            await session.SaveChangesAsync();
        }
        var martenWithDocuments = watch.Elapsed.TotalSeconds;
        await withDocuments.Advanced.Clean.CompletelyRemoveAllAsync();
        await withDocuments.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        string table;
        await using (var lookup = new NpgsqlConnection(bench))
        {
            await lookup.OpenAsync();
            table = "bench_conventions_docs." + (string)(await new NpgsqlCommand(
                "select table_name from information_schema.tables where table_schema = 'bench_conventions_docs' and table_name like 'mt_doc_%referencedocument'", lookup).ExecuteScalarAsync())!;
        }
        var serializer = withDocuments.Options.Serializer();
        watch.Restart();
        foreach (var batch in events.Chunk(1_000))
        {
            await using var session = withDocuments.LightweightSession();
            foreach (var e in batch)
            {
                if (e.Beneficiary.Kind == "medecin")
                    session.Events.StartStream(e.DossierId, e, new BeneficiaryChecked(e.DossierId, true, today));
                else
                    session.Events.StartStream(e.DossierId, e);
                session.Store(new DossierDocument(e.DossierId, e.CompanyId, e.Reference, e.DecisionDueOn ?? e.BenefitOn, e));
            }
            var references = batch.Select(e => new ReferenceDocument($"{e.CompanyId}/{e.Reference}", e.Reference, e.DossierId)).ToList();
            session.QueueSqlCommand($"insert into {table} (id, data) select * from unnest(?::varchar[], ?::jsonb[])",
                references.Select(r => r.Id).ToArray(), references.Select(r => serializer.ToJson(r)).ToArray());
            await session.SaveChangesAsync();
        }
        Console.WriteLine($"  (append + snapshot documents + the references in one INSERT per batch: {events.Count / watch.Elapsed.TotalSeconds:N0}/s)");
        await withDocuments.Advanced.Clean.CompletelyRemoveAllAsync();
        await withDocuments.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var setWritten = await SetWrittenAsync(withDocuments, bench, events, table, today);
        Console.WriteLine($"  (the same rows, streams, events, snapshots and references each by ONE INSERT … unnest per batch: {events.Count / setWritten:N0}/s)");
        await withDocuments.Advanced.Clean.CompletelyRemoveAllAsync();
        await withDocuments.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var copyWritten = await SetWrittenAsync(withDocuments, bench, events, table, today, copy: true);
        Console.WriteLine($"  (the same rows, streams, events and snapshots by binary COPY in the batch's transaction, the references by one INSERT: {events.Count / copyWritten:N0}/s)");
        await withDocuments.Advanced.Clean.CompletelyRemoveAllAsync();

        await using var copyConnection = new NpgsqlConnection(bench);
        await copyConnection.OpenAsync();
        await new NpgsqlCommand("drop table if exists bench_conventions.copied; create table bench_conventions.copied (id uuid primary key, company text not null, reference text not null, data jsonb not null)",
            copyConnection).ExecuteNonQueryAsync();
        watch.Restart();
        await using (var import = await copyConnection.BeginBinaryImportAsync("copy bench_conventions.copied (id, company, reference, data) from stdin (format binary)"))
        {
            foreach (var e in events)
            {
                await import.StartRowAsync();
                await import.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await import.WriteAsync(e.CompanyId, NpgsqlDbType.Text);
                await import.WriteAsync(e.Reference, NpgsqlDbType.Text);
                await import.WriteAsync(JsonSerializer.Serialize(e), NpgsqlDbType.Jsonb);
            }
            await import.CompleteAsync();
        }
        var copy = watch.Elapsed.TotalSeconds;
        await store.Advanced.Clean.CompletelyRemoveAllAsync();
        await new NpgsqlCommand("drop table if exists bench_conventions.copied", copyConnection).ExecuteNonQueryAsync();
        return (marten, copy, martenWithDocuments, setWritten, copyWritten);
    }
}
