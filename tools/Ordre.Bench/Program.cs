using System.Diagnostics;
using Ordre.Client;

// Usage: Ordre.Bench [--gateway http://127.0.0.1:5000] [--inscriptions 300] [--seed 7]
string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var gateway = new Uri(Value("--gateway") ?? "http://127.0.0.1:5000");
var count = int.Parse(Value("--inscriptions") ?? "300");
var seed = int.Parse(Value("--seed") ?? Environment.TickCount.ToString());

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
    await Timed("decide", () => api.DecideInscription(dossier.Id, InscriptionDecision.Grant(), token, "\"1\""));
    await Timed("search", () => api.SearchDirectory(doctor.LastName, "75"));
    if ((i + 1) % 100 == 0) Console.WriteLine($"  {i + 1}/{count} ({total.Elapsed.TotalSeconds:0.0} s)");
}

Console.WriteLine();
Console.WriteLine("| call | n | p50 ms | p99 ms | max ms |");
Console.WriteLine("| --- | --- | --- | --- | --- |");
foreach (var (call, values) in timings)
{
    values.Sort();
    double At(double q) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1)];
    Console.WriteLine($"| {call} | {values.Count} | {At(0.50):0.0} | {At(0.99):0.0} | {values[^1]:0.0} |");
}
Console.WriteLine($"errors: {errors}; {count * 4 / total.Elapsed.TotalSeconds:0} calls/s over {total.Elapsed.TotalSeconds:0.0} s");
return errors == 0 ? 0 : 1;
