using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Ordre.Client;

namespace Ordre.Bench;

/// <summary>
/// The register's change feed (issue 15 §3) as a subscriber uses it, through the gateway: (1) catch-up, a subscriber
/// that was away since the beginning reads every page (5,000 changes each) to the end: changes/s; (2) latency, a
/// subscriber follows the server-sent events stream while doctors are registered through the gateway: from the
/// registration's request (and its response) to the change on the stream, p50/p99.
/// </summary>
public static class FeedCatchUpAndLatency
{
    public static async Task<int> RunAsync(Uri gateway, int registrations, int seed)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await SubscriberToken(http));

        var caughtUp = Stopwatch.StartNew();
        long position = 0, changes = 0;
        int pages = 0;
        while (true)
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/tableau/register/feed?after={position}&limit=5000");
            changes += page.GetProperty("changes").GetArrayLength();
            pages++;
            var next = page.GetProperty("next").GetInt64();
            if (pages % 20 == 0) Console.WriteLine($"  {changes:N0} changes read ({caughtUp.Elapsed.TotalSeconds:0.0} s)");
            if (next >= page.GetProperty("upTo").GetInt64()) { position = next; break; }
            position = next;
        }
        caughtUp.Stop();
        Console.WriteLine();
        Console.WriteLine($"Register feed catch-up through the gateway, pages of 5,000 — {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine("| changes | pages | seconds | changes/s |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Console.WriteLine($"| {changes:N0} | {pages} | {caughtUp.Elapsed.TotalSeconds:0.0} | {changes / caughtUp.Elapsed.TotalSeconds:N0} |");

        // Latency: the stream from the end of the feed, then registrations one after another.
        var arrived = new ConcurrentDictionary<string, long>();
        using var stop = new CancellationTokenSource();
        var following = Follow(http, position, arrived, stop.Token);
        var api = OrdreClient.Create(gateway);
        var council = await api.SignInAsync("cdom75");
        var doctors = new DemoDoctors(seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sent = new Dictionary<string, (long Sent, long Answered)>();
        for (var attempts = 0; sent.Count < registrations && attempts < registrations * 2; attempts++)
        {
            var doctor = doctors.Next("75", today);
            var before = Stopwatch.GetTimestamp();
            if ((await api.RegisterDoctorAsync(doctor, council)).Registered)
                sent[doctor.Rpps!] = (before, Stopwatch.GetTimestamp());
        }
        var deadline = Stopwatch.StartNew();
        while (sent.Keys.Any(rpps => !arrived.ContainsKey(rpps)) && deadline.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(50);
        await stop.CancelAsync();
        try { await following; } catch (OperationCanceledException) { }

        var fromRequest = new List<double>();
        var fromResponse = new List<double>();
        foreach (var (rpps, (request, response)) in sent)
            if (arrived.TryGetValue(rpps, out var at))
            {
                fromRequest.Add(Stopwatch.GetElapsedTime(request, at).TotalMilliseconds);
                fromResponse.Add(Stopwatch.GetElapsedTime(response, at).TotalMilliseconds);
            }
        Console.WriteLine();
        Console.WriteLine($"Register feed latency: {sent.Count} registrations through the gateway, {fromRequest.Count} seen on the stream (missing: {sent.Count - fromRequest.Count}) — {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine(Percentiles.Header);
        if (fromRequest.Count > 0)
        {
            Console.WriteLine(Percentiles.Row("registration sent → change on the stream", fromRequest));
            Console.WriteLine(Percentiles.Row("registration answered → change on the stream", fromResponse));
        }
        return fromRequest.Count == sent.Count ? 0 : 1;
    }

    private static async Task<string> SubscriberToken(HttpClient http)
    {
        using var response = await http.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "abonne-demo", ["client_secret"] = "ordre-demo", ["scope"] = "api register-feed",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>Notes when each doctor's change arrives on the stream.</summary>
    private static async Task Follow(HttpClient http, long after, ConcurrentDictionary<string, long> arrived, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/tableau/register/feed/stream?after={after}", HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        while (await reader.ReadLineAsync(ct) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var rpps = JsonDocument.Parse(line[6..]).RootElement.GetProperty("rpps").GetString()!;
                arrived.TryAdd(rpps, Stopwatch.GetTimestamp());
            }
    }
}
