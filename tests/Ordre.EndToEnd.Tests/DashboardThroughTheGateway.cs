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
        int Registered(JsonElement figures) => figures.GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("key").GetString() == "inscriptions").GetProperty("value").GetInt32();
        var before = await national.GetFromJsonAsync<JsonElement>("/dashboard/api/figures");

        using var stream = await national.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/dashboard/api/stream"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal(": keep-alive", await reader.ReadLineAsync());

        var sent = Stopwatch.StartNew();
        await system.GrantedInscription("cdom2a", "2A");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) != "event: figures")
            Assert.NotNull(line);
        var data = await reader.ReadLineAsync(timeout.Token);
        output.WriteLine($"decision → SSE event: {sent.ElapsedMilliseconds} ms ({data})");
        Assert.StartsWith("data: {\"year\":", data);

        var after = await national.GetFromJsonAsync<JsonElement>("/dashboard/api/figures");
        Assert.Equal(Registered(before) + 1, Registered(after));
        Assert.Contains(after.GetProperty("departments").EnumerateArray(), d => d.GetProperty("code").GetString() == "2A"
            && d.GetProperty("region").GetString() == "COR" && d.GetProperty("name").GetString() == "Corse-du-Sud");
    }

    [Fact]
    public async Task The_health_panel_lists_the_queues_and_each_service_s_daemon_leader_and_projections()
    {
        await system.GrantedInscription("cdom13", "13");
        await system.Broker.SettledAsync(DashboardQueue);
        using var national = await system.HttpClientFor("cnom");
        var health = await national.GetFromJsonAsync<JsonElement>("/dashboard/api/health");
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
