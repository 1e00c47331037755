using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Ordre.Client;
using Ordre.Contracts.Tableau.Lookup;

namespace Ordre.Bench;

/// <summary>
/// The Tableau's gRPC batch lookup of many RPPS numbers at once (half of them real, from the directory,
/// half unknown), timed over several runs after a warm-up; with an as-of date, the same batch as of that day (computed
/// from the events) and single lookups of the real numbers as of that day.
/// </summary>
public static class GrpcBatchLookup
{
    public static async Task<int> RunAsync(Uri gateway, Uri grpc, int size, int runs, string? asOf = null)
    {
        var api = OrdreClient.Create(gateway);
        var token = await api.Token(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "ordre-services", ["client_secret"] = "ordre-services-dev-secret",
        });
        var headers = new Metadata { { "Authorization", "Bearer " + token.Content!.AccessToken } };
        var real = await RealRppsNumbers(api, size / 2);
        var request = new PractitionerStatusBatchRequest { AsOf = asOf ?? "" };
        request.Rpps.AddRange(real);
        request.Rpps.AddRange(Enumerable.Range(0, size - real.Count).Select(i => DemoDoctors.Rpps(i * 9_973 % 90_000_000)));

        using var channel = GrpcChannel.ForAddress(grpc);
        var client = new PractitionerLookup.PractitionerLookupClient(channel);
        var known = (await client.GetStatusesAsync(request, headers)).Statuses.Count(s => s.Known);
        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await client.GetStatusesAsync(request, headers);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        var when = asOf is null ? "" : $" as of {asOf}";
        Console.WriteLine($"gRPC GetStatuses of {size:N0} RPPS{when} ({known:N0} on the Tableau), {runs} runs after one warm-up:");
        Console.WriteLine(Percentiles.Header);
        Console.WriteLine(Percentiles.Row($"GetStatuses × {size:N0}{when}", timings));
        if (asOf is not null)
        {
            var singles = new List<double>();
            foreach (var rpps in real.Take(500))
            {
                var watch = Stopwatch.StartNew();
                await client.GetStatusAsync(new PractitionerStatusRequest { Rpps = rpps, AsOf = asOf }, headers);
                singles.Add(watch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine(Percentiles.Row($"GetStatus × 1{when} ({singles.Count} calls)", singles));
        }
        return 0;
    }

    /// <summary>RPPS numbers of registered doctors, collected through the public directory (common names, department by department).</summary>
    private static async Task<List<string>> RealRppsNumbers(IOrdreApi api, int wanted)
    {
        string[] names = ["martin", "bernard", "thomas", "petit", "robert", "richard", "durand", "dubois", "moreau", "laurent"];
        string[] departments = ["75", "69", "13", "33", "59", "31", "92", "93", "94", "67", "44", "35", "34", "06", "38"];
        var found = new HashSet<string>();
        foreach (var department in departments)
            foreach (var name in names)
                for (var page = 1; page <= 5 && found.Count < wanted; page++)
                {
                    var result = await api.SearchDirectory(name, department, page, 50);
                    if (result.Content is not { Items.Count: > 0 } content) break;
                    found.UnionWith(content.Items.Select(d => d.Rpps));
                }
        return [.. found.Take(wanted)];
    }
}
