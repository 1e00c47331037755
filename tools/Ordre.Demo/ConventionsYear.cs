using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ordre.Client;

/// <summary>
/// IDAHE's demo year (issue 12 §10): conventions shaped like 2020's (<see cref="DemoConventions"/>, doctors of the demo
/// register), uploaded in bulk by the two demo companies as their CSV files through the gateway — the very path and rules
/// of a company's upload (regime computed, the Tableau checked once per batch, the legal dates) —, two thirds by
/// labo-exemple and one third by labo-autre. A month (25,140 conventions, a twelfth of 2020's 301,674) by default, the
/// full year with <c>--conventions year</c>. Idempotent: a company whose upload of the same file completed is skipped, and
/// a file sent again changes nothing (the references are the company's keys).
/// </summary>
internal sealed class ConventionsYear(Uri gateway, IOrdreApi api, DemoAccounts accounts, DemoReport report, int seed)
{
    public static readonly string[] Scopes = ["month", "year", "none"];

    public async Task LoadAsync(string scope, DateOnly today)
    {
        if (scope == "none")
            return;
        var total = scope == "year" ? DemoConventions.Year2020 : (DemoConventions.Year2020 + 11) / 12;
        var companies = new (string Account, string Prefix, int Rows)[]
        {
            ("labo-exemple", "DEMO-EX", total * 2 / 3),
            ("labo-autre", "DEMO-AU", total - total * 2 / 3),
        };
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(15) };
        List<string>? doctors = null;
        var started = Stopwatch.StartNew();
        foreach (var (account, prefix, rows) in companies)
        {
            var fileName = $"demo-idahe-{scope}-{prefix}.csv";
            var token = await accounts.TokenAsync(account);
            if (await AlreadyLoaded(http, token, fileName))
            {
                report.Progress($"Conventions de démonstration de {account} déjà chargées ({fileName}).");
                continue;
            }
            doctors ??= await DemoConventions.RegisteredDoctorsAsync(api, 10_000);
            // Written to a file first: an upload declares its length (the service refuses a chunked body).
            var file = Path.Combine(Path.GetTempPath(), $"ordre-{fileName}");
            await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16))
                await new DemoConventions(seed, prefix, doctors, today).WriteAsync(writer, rows);
            await using var csv = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
            var watch = Stopwatch.StartNew();
            using var form = new MultipartFormDataContent
            {
                { new StreamContent(csv, 1 << 16) { Headers = { ContentType = new("text/csv") } }, "fichier", fileName },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/conventions/uploads") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Created)
            {
                report.Fail("conventions", $"envoi {fileName} de {account} ({rows} lignes)", new CallFailure((int)response.StatusCode, body.Length > 300 ? body[..300] : body, false));
                continue;
            }
            var upload = JsonDocument.Parse(body).RootElement;
            report.Progress($"Conventions de {account} : {upload.GetProperty("rows").GetInt32():N0} lignes, {upload.GetProperty("accepted").GetInt32():N0} acceptées, " +
                $"{upload.GetProperty("unchanged").GetInt32():N0} inchangées, {upload.GetProperty("rejected").GetInt32():N0} refusées, en {watch.Elapsed.TotalSeconds:0.0} s " +
                $"({rows / watch.Elapsed.TotalSeconds:N0} conventions/s).");
        }
        report.Progress($"Année IDAHE de démonstration ({scope}) : {started.Elapsed.TotalSeconds:0.0} s.");
    }

    /// <summary>Whether one of the company's recent uploads is this file, completed.</summary>
    private static async Task<bool> AlreadyLoaded(HttpClient http, string token, string fileName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/conventions/uploads?pageSize=100");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            return false;
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray()
            .Any(u => u.GetProperty("fileName").GetString() == fileName && u.GetProperty("status").GetString() == "Completed");
    }
}
