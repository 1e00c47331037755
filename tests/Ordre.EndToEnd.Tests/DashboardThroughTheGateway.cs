using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ordre.Testing;
using Xunit.Abstractions;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// The national council's dashboard API through the gateway with real tokens (issue 14): a granted inscription reaches the
/// figures and the live stream, and the health panel names each service's daemon leader and projections.
/// </summary>
[Collection(SystemCollection.Name)]
public class DashboardThroughTheGateway(OrdreSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_granted_inscription_changes_the_year_s_figures_and_the_open_live_stream_tells_the_page()
    {
        using var national = await system.HttpClientFor("cnom");
        national.Timeout = TimeSpan.FromSeconds(60);
        static decimal Corsica(JsonElement figures) => figures.GetProperty("departments").EnumerateArray()
            .Where(d => d.GetProperty("code").GetString() == "2A").Select(d => d.GetProperty("values").GetProperty("inscriptions").GetDecimal())
            .SingleOrDefault();
        var before = Corsica(await national.GetFromJsonAsync<JsonElement>("/dashboard/api/figures"));

        using var stream = await national.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/dashboard/api/stream"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal(": keep-alive", await reader.ReadLineAsync());

        var sent = Stopwatch.StartNew();
        await system.GrantedInscription("cdom2a", "2A");
        // As the page does: on each event, fetch the figures again, until the grant shows (other tests' events may come first).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        JsonElement after;
        do
        {
            string? line;
            while ((line = await reader.ReadLineAsync(timeout.Token)) != "event: figures")
                Assert.NotNull(line);
            var data = await reader.ReadLineAsync(timeout.Token);
            Assert.StartsWith("data: {\"year\":", data);
            after = await national.GetFromJsonAsync<JsonElement>("/dashboard/api/figures", timeout.Token);
        }
        while (Corsica(after) <= before);
        output.WriteLine($"decision sent → figure changed on the stream's event: {sent.ElapsedMilliseconds} ms (decision included)");

        Assert.Equal(before + 1, Corsica(after));
        Assert.Contains(after.GetProperty("departments").EnumerateArray(), d => d.GetProperty("code").GetString() == "2A"
            && d.GetProperty("region").GetString() == "COR" && d.GetProperty("name").GetString() == "Corse-du-Sud");
    }

    [Fact]
    public async Task A_granted_inscription_changes_the_headcount_and_the_dashboard_shows_the_tableau_s_own_grouped_count()
    {
        using var national = await system.HttpClientFor("cnom");
        static Dictionary<(string, string), int> Headcount(JsonElement figures) =>
            figures.GetProperty("headcount") is { ValueKind: JsonValueKind.Object } h
                ? h.GetProperty("departments").EnumerateArray()
                    .SelectMany(d => d.GetProperty("statuses").EnumerateObject().Where(s => s.Value.GetInt32() > 0)
                        .Select(s => ((d.GetProperty("code").GetString()!, s.Name), s.Value.GetInt32())))
                    .ToDictionary(x => x.Item1, x => x.Item2)
                : [];
        async Task<Dictionary<(string, string), int>> TableauCount() =>
            (await system.TableauDatabase.QueryAsync<string>(
                "select department || '|' || status || '|' || count(*) from tableau.mt_doc_practitioner group by department, status"))
            .Select(line => line.Split('|'))
            .ToDictionary(p => (p[0], ((Ordre.Contracts.Tableau.RegisterStatus)int.Parse(p[1])).ToString()), p => int.Parse(p[2]));
        var before = Headcount(await national.GetFromJsonAsync<JsonElement>("/dashboard/api/figures")).GetValueOrDefault(("971", "Registered"));

        await system.GrantedInscription("cdom971", "971");

        // The Tableau publishes a headcount after the change (at most one a second); the dashboard shows the latest of the year.
        var shown = await Eventually.Until(async () => Headcount(await national.GetFromJsonAsync<JsonElement>("/dashboard/api/figures")),
            h => h.GetValueOrDefault(("971", "Registered")) > before, TimeSpan.FromSeconds(30), "the new doctor counted in 971");
        // Other tests change the register meanwhile: compare once both sides agree, within the time of a few publications.
        var (dashboard, tableau) = await Eventually.Until(async () =>
                (Headcount(await national.GetFromJsonAsync<JsonElement>("/dashboard/api/figures")), await TableauCount()),
            pair => pair.Item1.Count == pair.Item2.Count && pair.Item1.All(kv => pair.Item2.GetValueOrDefault(kv.Key) == kv.Value),
            TimeSpan.FromSeconds(30), "the dashboard's headcount equal to the Tableau's grouped count");
        output.WriteLine($"971 registered: {before} → {shown[("971", "Registered")]}; {dashboard.Values.Sum()} entries in {dashboard.Count} (department, status) cells, equal to the Tableau's count");
        Assert.Equal(tableau.OrderBy(kv => kv.Key), dashboard.OrderBy(kv => kv.Key));
    }

    [Fact]
    public async Task A_complaint_taken_to_a_final_ban_moves_the_discipline_pipeline_and_the_sanctions_by_kind()
    {
        using var national = await system.HttpClientFor("cnom");
        static decimal Item(JsonElement figures, string breakdown, string item) => figures.GetProperty("breakdowns").EnumerateArray()
            .Single(b => b.GetProperty("key").GetString() == breakdown).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("key").GetString() == item).GetProperty("value").GetDecimal();
        static (decimal Complaints, decimal Cdpi, decimal Cdn, decimal Bans) Pipeline(JsonElement f) =>
            (Item(f, "discipline-etapes", "plaintes"), Item(f, "discipline-etapes", "cdpi"), Item(f, "discipline-etapes", "cdn"),
             Item(f, "sanctions-par-nature", "PracticeBan"));
        var before = Pipeline(await national.GetFromJsonAsync<JsonElement>("/dashboard/api/figures"));

        var doctor = await system.GrantedInscription();
        await system.FinalBan(doctor, banMonths: 6);

        var after = await Eventually.Until(async () => Pipeline(await national.GetFromJsonAsync<JsonElement>("/dashboard/api/figures")),
            p => p.Complaints > before.Complaints && p.Cdpi > before.Cdpi && p.Cdn > before.Cdn && p.Bans > before.Bans,
            TimeSpan.FromSeconds(30), "the complaint, the CDPI case, the CDN appeal and the ban counted");
        output.WriteLine($"before {before}, after {after}");
    }

    [Fact]
    public async Task The_health_panel_lists_the_queues_and_each_service_s_daemon_leader_and_projections()
    {
        await system.GrantedInscription("cdom13", "13");
        await system.Broker.SettledAsync(DashboardQueue);
        using var national = await system.HttpClientFor("cnom");
        // A Tableau restarted by another test elects its daemon's leader within a few seconds: the panel shows it then.
        var health = await Eventually.Until(() => national.GetFromJsonAsync<JsonElement>("/dashboard/api/health"),
            h => h.GetProperty("services").EnumerateArray().Any(s => s.GetProperty("service").GetString() == "tableau"
                && s.GetProperty("daemonLeader").ValueKind != JsonValueKind.Null),
            TimeSpan.FromSeconds(30), "the Tableau's daemon leader shown");
        output.WriteLine(health.ToString());
        Assert.Empty(health.GetProperty("problems").EnumerateArray());
        Assert.Contains(health.GetProperty("queues").EnumerateArray(), q => q.GetProperty("name").GetString() == DashboardQueue);
        var services = health.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("service").GetString()!);
        Assert.Contains("tableau", services.Keys);
        Assert.Contains(services["dashboard"].GetProperty("projections").EnumerateArray(), p => p.GetProperty("name").GetString()!.StartsWith("dashboard-figures"));
        Assert.NotEqual(JsonValueKind.Null, services["tableau"].GetProperty("daemonLeader").ValueKind);
    }

    [Fact]
    public async Task A_year_outside_2000_to_2100_is_refused_with_a_french_problem()
    {
        using var national = await system.HttpClientFor("cnom");
        using var response = await national.GetAsync("/dashboard/api/figures?year=1800");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("L'année va de 2000 à 2100.", problem.GetProperty("errors").GetProperty("year")[0].GetString());
    }
}
