using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using JasperFx;
using Marten;
using Ordre.Client;

namespace Ordre.Bench;

/// <summary>
/// The solidarity ledger's write path (issue 13 §10): transfers/s with the invariants on (one stream, the snapshot of
/// every balance loaded, the fund checked, event and postings in one transaction, retried on a lost race) by concurrent
/// writers straight to the service and through the gateway; the latency of a single transfer through the gateway;
/// the service's RSS; and beside them, in the same run, raw Marten appends of equivalent events (an event and a
/// posting document per transaction) to a scratch schema: what the ledger's rules and HTTP cost on top of the store.
/// </summary>
public static class TransferThroughput
{
    private const string Fund = "banc-essai-fonds", Donor = "banc-essai-donateur", Receiver = "banc-essai-beneficiaire";

    public static async Task<int> RunAsync(Uri gateway, Uri service, int transfers, int writers, int single, string postgres, int? pid, bool rawOnly = false)
    {
        if (rawOnly)
            return await RawRowsAsync(postgres, transfers, writers, single);
        var api = OrdreClient.Create(gateway);
        var token = await new DemoAccounts(api).TokenAsync("cnom");
        using var viaGateway = Client(gateway, token, "/solidarity/");
        using var direct = Client(service, token, "/");
        foreach (var account in new object[]
                 {
                     new { id = Fund, kind = "fund", name = "Banc d'essai : fonds" },
                     new { id = Donor, kind = "council", name = "Banc d'essai : conseil donateur", region = "COR" },
                     new { id = Receiver, kind = "council", name = "Banc d'essai : conseil aidé", region = "COR" },
                 })
            (await viaGateway.PostAsJsonAsync("accounts", account)).EnsureSuccessStatusCode();
        // The fund holds enough for every run's payments; each run alternates a donation in and a payment out.
        (await viaGateway.PostAsJsonAsync("transfers", Transfer(Guid.CreateVersion7(), Donor, Fund, 10_000_000m))).EnsureSuccessStatusCode();
        var balanceBefore = await viaGateway.GetFromJsonAsync<LedgerBalance>("ledger/balance");
        var rssBefore = Rss(pid);

        Console.WriteLine($"Solidarity ledger transfers ({transfers} per run, {writers} concurrent writers; single: {single} sequential) — {TimeProvider.System.GetUtcNow():yyyy-MM-dd}, ledger at {balanceBefore?.Postings} postings");
        Console.WriteLine();
        Console.WriteLine("| path | writers | transfers | transfers/s | p50 ms | p99 ms | max ms | errors |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        await Http("service direct (invariants on)", direct, 1, transfers / 4, print: false); // warm-up
        Console.WriteLine(await Http("service direct (invariants on)", direct, writers, transfers));
        Console.WriteLine(await Http("through the gateway (invariants on)", viaGateway, writers, transfers));
        Console.WriteLine(await Http("through the gateway, single transfer", viaGateway, 1, single));
        var rssAfter = Rss(pid);

        await RawRowsAsync(postgres, transfers, writers, single);

        var balanceAfter = await viaGateway.GetFromJsonAsync<LedgerBalance>("ledger/balance");
        var verified = await viaGateway.GetFromJsonAsync<LedgerVerification>("ledger/verify");
        Console.WriteLine();
        if (pid is not null)
            Console.WriteLine($"Solidarity RSS (VmRSS, pid {pid}): {rssBefore} MB before the runs, {rssAfter} MB after.");
        Console.WriteLine($"Ledger after: {balanceAfter?.Postings} postings, balanced {balanceAfter?.Balanced}, negative funds {balanceAfter?.NegativeFunds.Count}, chain intact {verified?.Intact}.");
        return balanceAfter is { Balanced: true, NegativeFunds.Count: 0 } && verified is { Intact: true } ? 0 : 1;
    }

    /// <summary>The raw Marten rows, to a scratch schema removed afterwards (also alone: --raw-only, no running system needed).</summary>
    private static async Task<int> RawRowsAsync(string postgres, int transfers, int writers, int single)
    {
        var store = DocumentStore.For(options =>
        {
            options.Connection(postgres);
            options.DatabaseSchemaName = "bench_raw_transfers";
            options.Events.DatabaseSchemaName = "bench_raw_transfers";
            options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        });
        try
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await Raw(store, "raw Marten append, one stream, optimistic (retried)", 1, transfers / 4, oneStream: true, print: false); // warm-up
            Console.WriteLine(await Raw(store, "raw Marten append, one stream, optimistic (retried)", writers, transfers, oneStream: true));
            Console.WriteLine(await Raw(store, "raw Marten append, one stream, writers queued on its row lock (as the service)", writers, transfers, oneStream: true, exclusive: true));
            Console.WriteLine(await Raw(store, "raw Marten append, one stream per writer", writers, transfers, oneStream: false));
            Console.WriteLine(await Raw(store, "raw Marten append, single writer", 1, single, oneStream: true));
        }
        finally
        {
            await store.Advanced.Clean.CompletelyRemoveAllAsync();
            store.Dispose();
        }
        return 0;
    }

    private static HttpClient Client(Uri root, string token, string prefix)
    {
        var client = new HttpClient { BaseAddress = new Uri(root, prefix), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static object Transfer(Guid id, string debit, string credit, decimal amount) =>
        new { transferId = id, legs = new[] { new { debit, credit, amount } }, memo = "banc d'essai" };

    /// <summary>Transfers of 1 € alternately into and out of the fund, by concurrent writers; each a new id (no idempotent replay).</summary>
    private static async Task<string> Http(string path, HttpClient client, int writers, int count, bool print = true)
    {
        var latencies = new List<double>(count);
        var (next, errors) = (0, 0);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var n && n <= count)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync("transfers",
                    n % 2 == 0 ? Transfer(Guid.CreateVersion7(), Donor, Fund, 1m) : Transfer(Guid.CreateVersion7(), Fund, Receiver, 1m));
                lock (latencies)
                {
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    if (!response.IsSuccessStatusCode) errors++;
                }
            }
        }));
        return print ? Row(path, writers, count, clock.Elapsed, latencies, errors) : "";
    }

    public sealed record RawLeg(string Debit, string Credit, decimal Amount);
    public sealed record RawTransferRecorded(Guid LedgerId, Guid TransferId, IReadOnlyList<RawLeg> Legs, bool Pending, string? Memo, DateTimeOffset At, string By);
    public sealed class RawPosting
    {
        public long Id { get; set; }
        public Guid TransferId { get; set; }
        public string Debit { get; set; } = "";
        public string Credit { get; set; } = "";
        public decimal Amount { get; set; }
        public string PreviousHash { get; set; } = "";
    }

    private static long _posting;

    /// <summary>
    /// The equivalent of one transfer in the store alone: an event appended at the stream's expected version and its
    /// posting document, one transaction; on one stream a lost race is retried as the service does (without the
    /// snapshot, the rules, HTTP or authorization).
    /// </summary>
    private static async Task<string> Raw(IDocumentStore store, string path, int writers, int count, bool oneStream, bool print = true, bool exclusive = false)
    {
        var ledger = Guid.CreateVersion7();
        if (exclusive)
        {
            // A stream to lock: AppendExclusive (SELECT … FOR UPDATE on its row) needs it to exist.
            await using var start = store.LightweightSession();
            start.Events.StartStream(ledger, new RawTransferRecorded(ledger, Guid.CreateVersion7(), [], false, "ouverture", TimeProvider.System.GetUtcNow(), "bench"));
            await start.SaveChangesAsync();
        }
        var latencies = new List<double>(count);
        var (next, retries) = (0, 0);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            var stream = oneStream ? ledger : Guid.CreateVersion7();
            while (Interlocked.Increment(ref next) is var n && n <= count)
            {
                var watch = Stopwatch.StartNew();
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await using var session = store.LightweightSession();
                        var transfer = Guid.CreateVersion7();
                        var legs = new[] { new RawLeg(Donor, Fund, 1m) };
                        if (exclusive)
                        {
                            await session.Events.AppendExclusive(stream, new RawTransferRecorded(stream, transfer, legs, false, "banc d'essai", TimeProvider.System.GetUtcNow(), "bench"));
                            session.Store(new RawPosting { Id = Interlocked.Increment(ref _posting), TransferId = transfer, Debit = Donor, Credit = Fund, Amount = 1m });
                            await session.SaveChangesAsync();
                            break;
                        }
                        var state = await session.Events.FetchStreamStateAsync(stream);
                        if (state is null)
                            session.Events.StartStream(stream, new RawTransferRecorded(stream, transfer, legs, false, "banc d'essai", TimeProvider.System.GetUtcNow(), "bench"));
                        else
                            session.Events.Append(stream, state.Version + 1, new RawTransferRecorded(stream, transfer, legs, false, "banc d'essai", TimeProvider.System.GetUtcNow(), "bench"));
                        session.Store(new RawPosting { Id = Interlocked.Increment(ref _posting), TransferId = transfer, Debit = Donor, Credit = Fund, Amount = 1m });
                        await session.SaveChangesAsync();
                        break;
                    }
                    catch (Exception) when (attempt < 200)
                    {
                        // As the service: a lost race decides again after a little jitter.
                        Interlocked.Increment(ref retries);
                        await Task.Delay(Random.Shared.Next(0, 3 * writers));
                    }
                }
                lock (latencies) latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }));
        return print ? Row(path, writers, count, clock.Elapsed, latencies, 0) + (retries > 0 ? $" <!-- {retries} lost races retried -->" : "") : "";
    }

    private static string Row(string path, int writers, int count, TimeSpan elapsed, List<double> millis, int errors)
    {
        millis.Sort();
        double At(double q) => millis[Math.Min(millis.Count - 1, (int)Math.Ceiling(q * millis.Count) - 1)];
        return $"| {path} | {writers} | {count} | {count / elapsed.TotalSeconds:0} | {At(0.50):0.0} | {At(0.99):0.0} | {millis[^1]:0.0} | {errors} |";
    }

    private static long? Rss(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/status"))
            return null;
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}
