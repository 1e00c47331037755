using System.Text.Json;
using Microsoft.Playwright;
using Ordre.Testing;

namespace Ordre.Dashboard.BrowserTests;

/// <summary>
/// The page's rendering against the API contract between the dashboard's back end and front end (docs/dashboard-web.md):
/// signed in for real, then the three APIs answered inside the browser with documents shaped as the contract says, so
/// the rendering (French formats, units, 2020 references, "saisie manuelle", charts, departments), the stream's parsing
/// and the health panel are checked whatever the back end computes.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ThePageAgainstTheContract(OrdreSystem system, Browser browser, ITestOutputHelper output)
{
    private static object Figures(int inscriptions) => new
    {
        year = 2020,
        computedAt = "2020-12-01T16:00:00+01:00",
        figures = new object[]
        {
            new { key = "inscriptions", group = "tableau", label = "Inscriptions au Tableau", value = inscriptions, reference2020 = 9000, unit = "nombre", source = "evenements" },
            new { key = "aides-versees", group = "solidarite", label = "Aides versées", value = 12345.6m, reference2020 = (decimal?)null, unit = "euros", source = "evenements" },
            new { key = "taux-refus", group = "conventions", label = "Taux de refus", value = 12.5m, reference2020 = 10.0m, unit = "pourcentage", source = "evenements" },
            new { key = "delai-jugement", group = "discipline", label = "Délai moyen de jugement", value = 210, reference2020 = 250, unit = "jours", source = "saisie-manuelle" },
        },
        series = new object[]
        {
            new { key = "inscriptions-par-mois", group = "tableau", label = "Inscriptions par mois", unit = "nombre",
                  points = new object[] { new { period = "2020-01", value = 12 }, new { period = "2020-02", value = 30 } } },
        },
        breakdowns = new object[]
        {
            new { key = "discipline-etapes", group = "discipline", label = "De la plainte à la CDN", unit = "nombre",
                  items = new object[] { new { key = "plainte", label = "Plainte", value = 40 }, new { key = "cdpi", label = "CDPI", value = 12 }, new { key = "cdn", label = "CDN", value = 3 } } },
        },
        departments = new object[]
        {
            new { code = "75", name = "Paris", region = "IDF", values = new Dictionary<string, decimal> { ["inscriptions"] = 1204, ["plaintes"] = 2 } },
            new { code = "2A", name = "Corse-du-Sud", region = "COR", values = new Dictionary<string, decimal> { ["inscriptions"] = 30 } },
        },
        headcount = new
        {
            countedAt = "2020-12-01T15:59:58+01:00",
            knownOn = "2020-12-01",
            statuses = new object[] { new { key = "Registered", label = "Inscrits", onTheRoll = true }, new { key = "StruckOff", label = "Radiés", onTheRoll = false } },
            totals = new Dictionary<string, int> { ["Registered"] = 24_530, ["StruckOff"] = 12 },
            departments = new object[]
            {
                new { code = "75", name = "Paris", region = "IDF", onTheRoll = 24_500, statuses = new Dictionary<string, int> { ["Registered"] = 24_500, ["StruckOff"] = 12 },
                      activities = new Dictionary<string, int> { ["Regular"] = 24_500 } },
                new { code = "2A", name = "Corse-du-Sud", region = "COR", onTheRoll = 30, statuses = new Dictionary<string, int> { ["Registered"] = 30, ["StruckOff"] = 0 },
                      activities = new Dictionary<string, int> { ["Regular"] = 30 } },
            },
        },
    };

    [Fact]
    public async Task Each_figure_shows_in_french_with_its_unit_its_2020_reference_and_the_manual_entry_badge()
    {
        await using var context = await browser.NewContextAsync();
        await AnswerAsync(context, () => Figures(1234), HealthWith(0));
        var page = await DashboardPage.SignedInAsync(context, system, "cnom");

        await page.Locator(".carte[data-key=inscriptions]").WaitForAsync();
        Assert.Equal("1\u202f234", await ValueOf(page, "inscriptions"));
        Assert.Equal("12\u202f345,60\u00a0€", await ValueOf(page, "aides-versees"));
        Assert.Equal("12,5\u00a0%", await ValueOf(page, "taux-refus"));
        Assert.Equal("210 jours", await ValueOf(page, "delai-jugement"));
        Assert.Contains("Référence 2020 : 9\u202f000", await page.Locator(".carte[data-key=inscriptions] .reference").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Référence 2020 : non disponible", await page.Locator(".carte[data-key=aides-versees] .reference").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".carte[data-key=delai-jugement] .badge", new() { HasText = "saisie manuelle" }).CountAsync());
        Assert.Equal(0, await page.Locator(".carte[data-key=inscriptions] .badge").CountAsync());
        Assert.Equal(2, await page.Locator("figure.graphique canvas[role=img]").CountAsync());
        Assert.Contains("janv. 2020 12", await page.Locator("figure[data-key=inscriptions-par-mois] canvas").GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        Assert.Equal("1\u202f204", await page.Locator("#departements tr[data-code='75'] td[data-key=inscriptions]").TextContentAsync());
        Assert.Contains("1 décembre 2020", await page.Locator("#calcule-le").TextContentAsync(), StringComparison.Ordinal);
        // The headcount: a row per department (header cell), a column per status, French numbers, the national total.
        Assert.Equal("24\u202f500", await page.Locator("#effectif tbody tr[data-code='75'] td[data-status=Registered]").TextContentAsync());
        Assert.Equal("12", await page.Locator("#effectif tbody tr[data-code='75'] td[data-status=StruckOff]").TextContentAsync());
        Assert.Equal(["Code", "Département", "Région", "Au Tableau", "Inscrits", "Radiés"], await page.Locator("#effectif thead th[scope=col]").AllTextContentsAsync());
        Assert.Equal("24\u202f530", await page.Locator("#effectif tfoot td.total").TextContentAsync());
        Assert.Contains("Compté le 1 décembre 2020", await page.Locator("#effectif-compte").TextContentAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "contrat-chiffres", output);
    }

    [Fact]
    public async Task A_figures_event_on_the_stream_makes_the_page_fetch_and_show_the_new_figures()
    {
        await using var context = await browser.NewContextAsync();
        var served = 0;
        await AnswerAsync(context, () => Figures(Interlocked.Increment(ref served) == 1 ? 100 : 101), HealthWith(0),
            stream: ": keep-alive\n\nevent: figures\ndata: {\"year\":2020,\"version\":42}\n\n");
        var page = await DashboardPage.SignedInAsync(context, system, "cnom");

        await page.Locator(".carte[data-key=inscriptions] [data-role=value][data-value='101']").WaitForAsync(new() { Timeout = 5000 });
        Assert.Equal("101", await ValueOf(page, "inscriptions"));
        await Browser.ScreenshotAsync(page, "contrat-direct", output);
    }

    [Fact]
    public async Task A_non_empty_error_queue_shows_in_red_in_the_health_panel()
    {
        await using var context = await browser.NewContextAsync();
        await AnswerAsync(context, () => Figures(1), HealthWith(2));
        var page = await DashboardPage.SignedInAsync(context, system, "cnom");

        var row = page.Locator("#files tr[data-queue='dashboard-inscriptions_error']");
        await row.WaitForAsync();
        Assert.Equal("alerte", await row.GetAttributeAsync("class"));
        Assert.Equal("rgb(164, 0, 15)", await row.Locator("th").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.Null(await page.Locator("#files tr[data-queue='dashboard-inscriptions']").GetAttributeAsync("class"));
        Assert.Contains("1 file(s) d’erreur non vide(s)", await page.Locator("#sante-etat").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("tableau-1:4242", await page.Locator("#projections").TextContentAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "contrat-sante", output);
    }

    private static object HealthWith(int errors) => new
    {
        checkedAt = "2020-12-01T16:00:00+01:00",
        queues = new object[]
        {
            new { name = "dashboard-inscriptions", messages = 0, consumers = 1, isError = false },
            new { name = "dashboard-inscriptions_error", messages = errors, consumers = 0, isError = true },
        },
        services = new object[] { new { service = "tableau", daemonLeader = "tableau-1:4242", projections = new object[] { new { name = "Registre", sequence = 1200, highWater = 1250 } } } },
    };

    private static Task<string?> ValueOf(IPage page, string key) => page.Locator($".carte[data-key='{key}'] [data-role=value]").TextContentAsync();

    /// <summary>Answers /dashboard/api/* inside the browser (after checking the bearer token is sent) as the contract says.</summary>
    private static async Task AnswerAsync(IBrowserContext context, Func<object> figures, object health, string stream = ": keep-alive\n\n")
    {
        await context.RouteAsync("**/dashboard/api/**", async route =>
        {
            var request = route.Request;
            if (!(request.Headers.TryGetValue("authorization", out var auth) && auth.StartsWith("Bearer ", StringComparison.Ordinal)))
            {
                await route.FulfillAsync(new() { Status = 401 });
                return;
            }
            var path = new Uri(request.Url).AbsolutePath;
            if (path.EndsWith("/api/stream", StringComparison.Ordinal))
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/event-stream", Body = stream });
            else if (path.EndsWith("/api/health", StringComparison.Ordinal))
                await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = JsonSerializer.Serialize(health) });
            else
                await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = JsonSerializer.Serialize(figures()) });
        });
    }
}
