using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ordre.Client;
using Ordre.Testing;

namespace Ordre.Dashboard.BrowserTests;

/// <summary>
/// The page on the real dashboard API (issue 14 §6): figures from the services' events, a command through the API
/// changing the right figure on the open page within a second, a poisoned message shown in red. These need the back
/// end of the contract (/dashboard/api/figures, /stream, /health: branch dashapi); they also print the page's
/// benchmark figures (first load to figures, command-to-page latency p50/p99; docs/benchmarks.md).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TheLiveDashboard(OrdreSystem system, Browser browser, ITestOutputHelper output)
{
    private static readonly DemoDoctors Doctors = new(Random.Shared.Next());
    private const string Figure = "inscriptions";

    [Fact]
    public async Task The_page_shows_the_figures_of_the_dashboard_api()
    {
        await using var context = await browser.NewContextAsync();
        var page = await DashboardPage.SignedInAsync(context, system, "cnom");
        var started = Stopwatch.StartNew();
        await page.Locator($".carte[data-key='{Figure}'] [data-role=value]").WaitForAsync(new() { Timeout = 10_000 });
        var firstLoad = started.Elapsed;
        Assert.True(await page.Locator(".carte").CountAsync() >= 1);
        Assert.True(await page.Locator("figure.graphique").CountAsync() >= 4);
        Print($"page: signed in to figures drawn in {firstLoad.TotalMilliseconds:F0} ms");

        // First load of a signed-in page (token in the tab): navigation to figures drawn, 10 times. A figure printed for
        // docs/benchmarks.md, not asserted: a timed assert fails on a loaded machine and proves nothing on a quiet one.
        var loads = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var watch = Stopwatch.StartNew();
            await page.ReloadAsync();
            await page.WaitForFunctionAsync("() => Number(document.body.dataset.rendus ?? 0) >= 1", null, new() { Timeout = 10_000 });
            loads.Add(watch.Elapsed.TotalMilliseconds);
        }
        Print($"page: first load to figures, 10 reloads: p50 {Percentile(loads, 50):F0} ms, max {loads.Max():F0} ms (target < 1000 ms)");
        await Browser.ScreenshotAsync(page, "tableau-de-bord", output);
    }

    [Fact]
    public async Task A_doctor_registered_through_the_api_changes_the_inscriptions_figure_on_the_open_page_without_a_reload()
    {
        await using var context = await browser.NewContextAsync();
        var page = await DashboardPage.SignedInAsync(context, system, "cnom");
        var value = page.Locator($".carte[data-key='{Figure}'] [data-role=value]");
        await value.WaitForAsync(new() { Timeout = 10_000 });
        await page.Locator("#direct[data-state=connecte]").WaitForAsync(new() { Timeout = 10_000 });
        var council = await system.TokenFor("cdom75");

        // The first command warms every hop (JIT, connections, the daemons' first poll): measured apart, not counted. The
        // latencies are printed for docs/benchmarks.md (target p99 < 1 s), not asserted; the rule asserted is that the
        // open page changes by itself, from the live stream.
        var latencies = new List<double>();
        double warmUp = 0;
        for (var i = 0; i <= 30; i++)
        {
            var before = decimal.Parse((await value.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
            var requested = await system.Api.RequestInscription(Doctors.Next("75", Today), council);
            Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
            var decided = await system.Api.DecideInscription(requested.Content!.Id, InscriptionDecision.Grant(), council);
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
            var watch = Stopwatch.StartNew();
            await page.WaitForFunctionAsync(
                "([key, before]) => Number(document.querySelector(`.carte[data-key='${key}'] [data-role=value]`)?.dataset.value) > before",
                new object[] { Figure, (double)before }, new() { Timeout = 5_000, PollingInterval = 10 });
            if (i == 0) warmUp = watch.Elapsed.TotalMilliseconds;
            else latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        Print($"page: command accepted to figure changed on the open page, first (warm-up) {warmUp:F0} ms, then {latencies.Count} registrations: " +
              $"p50 {Percentile(latencies, 50):F0} ms, p99 {Percentile(latencies, 99):F0} ms, max {latencies.Max():F0} ms (target p99 < 1000 ms)");
        // The Tableau's headcount (published when the register changed) shows in its table, the 31 new doctors of Paris in it.
        await page.WaitForFunctionAsync(
            "() => Number(document.querySelector(`#effectif tr[data-code='75'] td[data-status=Registered]`)?.textContent.replace(/\\D/g, '')) >= 31",
            null, new() { Timeout = 10_000 });
        await Browser.ScreenshotAsync(page, "direct-apres-inscriptions", output);
    }

    [Fact]
    public async Task A_poisoned_message_in_a_dashboard_queue_shows_in_red_in_the_health_panel()
    {
        await using var context = await browser.NewContextAsync();
        var page = await DashboardPage.SignedInAsync(context, system, "cnom");
        await page.Locator("#sante").WaitForAsync(new() { Timeout = 10_000 });

        // A message the dashboard's consumer cannot read: MassTransit moves it to the queue's _error queue.
        using var management = Management();
        var vhost = Uri.EscapeDataString(system.Broker.Name);
        var queues = await management.GetFromJsonAsync<JsonElement>($"api/queues/{vhost}?columns=name");
        var queue = queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()!)
            .First(n => n.StartsWith("dashboard", StringComparison.Ordinal) && !n.EndsWith("_error", StringComparison.Ordinal) && !n.EndsWith("_skipped", StringComparison.Ordinal));
        var published = await management.PostAsJsonAsync($"api/exchanges/{vhost}/amq.default/publish", new
        {
            properties = new { content_type = "application/vnd.masstransit+json", message_id = Guid.NewGuid().ToString() },
            routing_key = queue,
            payload = "{ ceci n'est pas un message",
            payload_encoding = "string",
        });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());

        var row = page.Locator($"#files tr.alerte[data-queue='{queue}_error']");
        await row.WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal("rgb(164, 0, 15)", await row.Locator("th").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await Browser.ScreenshotAsync(page, "sante-message-empoisonne", output);
    }

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    private HttpClient Management()
    {
        var uri = system.Servers.RabbitManagement;
        var client = new HttpClient { BaseAddress = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo))));
        return client;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private void Print(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
