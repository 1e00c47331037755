using System.Diagnostics;
using Ordre.Client;

namespace Ordre.Bench;

/// <summary>Sequential request, read, grant and directory search through the gateway, with p50/p99/max per call.</summary>
public static class InscriptionLatency
{
    public static async Task<int> RunAsync(Uri gateway, int count, int seed)
    {
        var api = OrdreClient.Create(gateway);
        var token = await api.SignInAsync("cdom75");
        var doctors = new DemoDoctors(seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var timings = new Dictionary<string, List<double>> { ["request"] = [], ["read"] = [], ["decide"] = [], ["search"] = [] };
        var errors = 0;

        async Task<T> Timed<T>(string call, Func<Task<T>> send) where T : Refit.IApiResponse
        {
            var watch = Stopwatch.StartNew();
            var response = await send();
            timings[call].Add(watch.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode) errors++;
            return response;
        }

        Console.WriteLine($"{count} inscriptions through {gateway} (request, read, grant, directory search), sequential…");
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var doctor = doctors.Next("75", today);
            var created = await Timed("request", () => api.RequestInscription(doctor, token));
            if (created.Content is not { } dossier) continue;
            await Timed("read", () => api.GetInscription(dossier.Id, token));
            await Timed("decide", () => api.DecideInscription(dossier.Id, InscriptionDecision.Grant(), token, "\"2\""));
            await Timed("search", () => api.SearchDirectory(doctor.LastName, "75"));
            if ((i + 1) % 100 == 0) Console.WriteLine($"  {i + 1}/{count} ({total.Elapsed.TotalSeconds:0.0} s)");
        }

        Console.WriteLine();
        Console.WriteLine(Percentiles.Header);
        foreach (var (call, values) in timings)
            Console.WriteLine(Percentiles.Row(call, values));
        Console.WriteLine($"errors: {errors}; {count * 4 / total.Elapsed.TotalSeconds:0} calls/s over {total.Elapsed.TotalSeconds:0.0} s");
        return errors == 0 ? 0 : 1;
    }
}
