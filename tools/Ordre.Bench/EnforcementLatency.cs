using System.Diagnostics;
using Ordre.Client;

namespace Ordre.Bench;

/// <summary>
/// From a final disciplinary decision to the doctor hidden in the public directory: each sanction goes through the
/// gateway (complaint by an authority, transmission, presidential order, notification, appeal, the national
/// chamber's confirmation — final at once), then the directory is polled every 5 ms until the doctor is gone.
/// The ban runs from the day after the decision (R.4126-30), so the Tableau must run with Clock__ShiftDays=1 for the
/// ban to apply on receipt (`./ordre bench` restarts it so, then back). The decision's commit happens between the
/// request and its response: both are reported as origins.
/// </summary>
public static class EnforcementLatency
{
    public static async Task<int> RunAsync(Uri gateway, int sanctions, int workers, int seed)
    {
        var api = OrdreClient.Create(gateway);
        var (council, chamber, national) = (await api.SignInAsync("cdom75"), await api.SignInAsync("cdpiidf"), await api.SignInAsync("cdn"));
        var doctors = new DemoDoctors(seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Console.WriteLine($"Registering {sanctions} doctors in the 75 through {gateway}…");
        var registered = new List<InscriptionRequest>();
        for (var attempts = 0; registered.Count < sanctions && attempts < sanctions * 2; attempts++)
        {
            // A generated RPPS may already be on the demo register (409): draw another.
            var doctor = doctors.Next("75", today);
            if ((await api.RegisterDoctorAsync(doctor, council)).Registered)
            {
                registered.Add(doctor);
                if (registered.Count % 250 == 0) Console.WriteLine($"  {registered.Count}/{sanctions}");
            }
        }

        var fromRequest = new List<double>();
        var fromResponse = new List<double>();
        var decisionCall = new List<double>();
        var errors = 0;
        var total = Stopwatch.StartNew();
        Console.WriteLine($"{registered.Count} sanctions, {workers} at a time…");
        await Parallel.ForEachAsync(registered, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (doctor, ct) =>
        {
            try
            {
                if (!await Until(() => Visible(api, doctor.Rpps!), true, TimeSpan.FromSeconds(30)))
                    throw new InvalidOperationException($"{doctor.Rpps} never appeared in the directory");
                var complaint = await Success(api.RegisterComplaint(new ComplaintRequest(doctor.Rpps!, new Complainant("Authority", "Agence régionale de santé"), ["Mise en danger"]), council));
                var caseId = (await Success(api.ChangeComplaint(complaint.Id, "transmission", new { opinion = "Griefs graves.", councilJoins = true }, council))).CaseId!.Value;
                await Success(api.ChangeCase(caseId, "decision", new { form = "PresidentialOrder", outcome = "PracticeBan", banMonths = 1, suspendedMonths = 0 }, chamber));
                await Success(api.ChangeCase(caseId, "notification", new { }, chamber));
                await Success(api.ChangeCase(caseId, "appeal", new { }, national));

                var sent = Stopwatch.GetTimestamp();
                await Success(api.ChangeCase(caseId, "appeal/decision", new { ruling = "Confirmed" }, national));
                var answered = Stopwatch.GetTimestamp();
                if (!await Until(() => Visible(api, doctor.Rpps!), false, TimeSpan.FromSeconds(30)))
                    throw new InvalidOperationException($"{doctor.Rpps} still in the directory 30 s after the final decision (is the Tableau's clock shifted by a day?)");
                var hidden = Stopwatch.GetTimestamp();
                lock (fromRequest)
                {
                    fromRequest.Add(Stopwatch.GetElapsedTime(sent, hidden).TotalMilliseconds);
                    fromResponse.Add(Stopwatch.GetElapsedTime(answered, hidden).TotalMilliseconds);
                    decisionCall.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
                    if (fromRequest.Count % 100 == 0) Console.WriteLine($"  {fromRequest.Count}/{registered.Count} ({total.Elapsed.TotalSeconds:0.0} s)");
                }
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref errors);
                Console.Error.WriteLine($"  error: {e.Message}");
            }
        });

        Console.WriteLine();
        Console.WriteLine($"Enforcement latency, {fromRequest.Count} sanctions, {workers} concurrent, directory polled every 5 ms — {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine(Percentiles.Header);
        Console.WriteLine(Percentiles.Row("final decision sent → hidden in the directory", fromRequest));
        Console.WriteLine(Percentiles.Row("final decision answered → hidden in the directory", fromResponse));
        Console.WriteLine(Percentiles.Row("final decision call (commit inside)", decisionCall));
        Console.WriteLine($"errors: {errors}; {fromRequest.Count / total.Elapsed.TotalSeconds:0.0} sanctions/s over {total.Elapsed.TotalSeconds:0.0} s");
        return errors == 0 ? 0 : 1;
    }

    private static async Task<bool> Visible(IOrdreApi api, string rpps) =>
        (await api.SearchDirectory(null, rpps: rpps)).Content?.Items.Any(d => d.Rpps == rpps) == true;

    private static async Task<bool> Until(Func<Task<bool>> probe, bool expected, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (await probe() == expected) return true;
            await Task.Delay(5);
        }
        return false;
    }

    private static async Task<T> Success<T>(Task<Refit.IApiResponse<T>> call)
    {
        var response = await call;
        return response.IsSuccessStatusCode
            ? response.Content!
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.PathAndQuery}: {(int?)response.StatusCode} {(response.Error as Refit.ApiException)?.Content}");
    }
}
