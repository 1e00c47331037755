using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Contracts.Access;
using Ordre.Contracts.Conventions;
using Ordre.Contracts.Discipline;
using Ordre.Contracts.Solidarity;
using Ordre.Contracts.Tableau;
using Ordre.Dashboard.Figures;
using Ordre.Dashboard.Health;
using Ordre.Dashboard.Live;
using Ordre.Testing;
using Xunit.Abstractions;

namespace Ordre.Dashboard.Tests;

/// <summary>The figures as a projection of the stored events: live, rebuilt, watched by the live stream, and closed to all but the CNOM.</summary>
public sealed class ProjectionAndRebuild(DashboardInProcess dashboard, ITestOutputHelper output) : IClassFixture<DashboardInProcess>
{
    private static readonly DateTimeOffset At = new(2020, 10, 12, 9, 0, 0, TimeSpan.Zero);

    private static IEnumerable<object> AYearOfEvents()
    {
        var departments = new[] { "75", "13", "2A", "971", "69" };
        for (var n = 0; n < 60; n++)
        {
            var day = new DateOnly(2020, n % 12 + 1, n % 28 + 1);
            yield return new PractitionerRegistered(Guid.NewGuid(), $"{10_000_000_000 + n}", departments[n % 5], "A", "B", "C", day, At);
            if (n % 4 == 0) yield return new InscriptionRefused(Guid.NewGuid(), $"{20_000_000_000 + n}", departments[n % 5], ["motif"], day, At);
            if (n % 3 == 0) yield return new PractitionerTransferred($"{10_000_000_000 + n}", "75", departments[n % 5], day, At);
            if (n % 5 == 0) yield return new SanctionEnforceable(Guid.NewGuid(), $"{10_000_000_000 + n}", n % 10 == 0 ? "StrikingOff" : "Warning", day, null, 0, At);
            yield return new ConventionDossiersSubmitted(Guid.NewGuid(), $"2020-{n % 12 + 1:00}", [new("Declaration", "Fees", n % 2 == 0, false, 10 + n)], At);
            if (n % 6 == 0) yield return new AidRuled(Guid.NewGuid(), "grant", 1_000.10m + n, At);
        }
    }

    [Fact]
    public async Task A_rebuild_from_the_stored_events_gives_the_same_figures_as_the_live_run()
    {
        foreach (var e in AYearOfEvents())
            await dashboard.Inbox.KeepAsync(Guid.CreateVersion7(), e, default);
        await dashboard.CaughtUp();
        var live = JsonSerializer.Serialize(FiguresCatalog.For(2020, await dashboard.Tally(2020), At));
        Assert.Equal(60, (await dashboard.Tally(2020))!.Total(FigureRules.Inscriptions));

        await RebuildCommand.RebuildAsync(dashboard.Store, default);

        var rebuilt = JsonSerializer.Serialize(FiguresCatalog.For(2020, await dashboard.Tally(2020), At));
        Assert.Equal(live, rebuilt);
    }

    [Fact]
    public async Task The_live_version_moves_after_an_event_s_arrival_without_a_restart()
    {
        var version = dashboard.Services.GetRequiredService<FiguresVersion>();
        var seen = version.Current.Version;
        var changed = version.ChangedSince(seen);
        var arrived = System.Diagnostics.Stopwatch.StartNew();
        await dashboard.Inbox.KeepAsync(Guid.CreateVersion7(), new AidRequested(Guid.NewGuid(), "helpline", "doctor", 500m, At), default);
        Assert.Same(changed, await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(5))));
        // How long it took is printed for docs/benchmarks.md (target < 1 s), not asserted: a timed assert fails on a loaded machine.
        output.WriteLine($"event stored → version changed: {arrived.ElapsedMilliseconds} ms");
        Assert.True(version.Current.Version > seen);
        Assert.Equal(2020, version.Current.Year);
    }

    [Fact]
    public async Task The_health_panel_reads_the_queues_and_the_dashboard_s_own_projection_progress()
    {
        await dashboard.Inbox.KeepAsync(Guid.CreateVersion7(), new AidRequested(Guid.NewGuid(), "cdom", "family", 10m, At), default);
        await dashboard.CaughtUp();
        var health = await dashboard.Services.GetRequiredService<HealthReader>().ReadAsync(default);
        output.WriteLine(JsonSerializer.Serialize(health));
        // appsettings.json also names the other services' databases (./ordre up's): only the test's own is checked here.
        Assert.DoesNotContain(health.Problems, p => p.Contains("RabbitMQ", StringComparison.Ordinal) || p.Contains("dashboard", StringComparison.Ordinal));
        Assert.Contains(health.Queues, q => q.Name == DashboardInProcess.Queue && !q.IsError);
        var own = Assert.Single(health.Services, s => s.Service == "dashboard");
        var figures = Assert.Single(own.Projections, p => p.Name.StartsWith(YearTallyProjection.ProjectionName, StringComparison.Ordinal));
        Assert.Equal(figures.HighWater, figures.Sequence);
        Assert.NotNull(own.DaemonLeader);
    }

    [Fact]
    public async Task An_error_queue_holding_a_message_is_marked_as_an_error_with_its_count()
    {
        var servers = await TestServers.Shared;
        using var management = new HttpClient { BaseAddress = new Uri(servers.RabbitManagement.GetLeftPart(UriPartial.Authority)) };
        management.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(servers.RabbitManagement.UserInfo))));
        var vhost = Uri.EscapeDataString(dashboard.Broker.Name);
        const string errorQueue = DashboardInProcess.Queue + "_error";
        (await management.PutAsync($"/api/queues/{vhost}/{errorQueue}",
            new StringContent("""{"durable":true,"arguments":{"x-queue-type":"quorum"}}""", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await management.PostAsync($"/api/exchanges/{vhost}/amq.default/publish", new StringContent(
            $$"""{"properties":{},"routing_key":"{{errorQueue}}","payload":"poison","payload_encoding":"string"}""",
            System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var health = dashboard.Services.GetRequiredService<HealthReader>();
        var queue = await Eventually.Until(async () => (await health.ReadAsync(default)).Queues.SingleOrDefault(q => q.Name == errorQueue),
            q => q is { Messages: 1 }, TimeSpan.FromSeconds(30), "the error queue with its message");
        Assert.True(queue!.IsError);
        Assert.Equal(0, queue.Consumers);
    }

    [Fact]
    public async Task Only_the_national_council_passes_the_policy_of_every_dashboard_endpoint()
    {
        var authorization = dashboard.Services.GetRequiredService<IAuthorizationService>();
        var rows = EndpointPolicies.Of(dashboard.Services).Where(r => r.Route.StartsWith("/api", StringComparison.Ordinal) || r.Route == "/registrations").ToList();
        Assert.Equal(4, rows.Count);
        var roles = typeof(Roles).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        foreach (var row in rows)
            foreach (var role in roles)
            {
                var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", role), new Claim("sub", role), new Claim("department", "75"),
                    new Claim("company_id", "c1")], "test", "sub", "role"));
                var allowed = (await authorization.AuthorizeAsync(user, row.Policy!)).Succeeded;
                Assert.True(allowed == (role == Roles.NationalCouncil), $"{row.Route} {row.Policy} {role}: {(allowed ? "admis" : "refusé")}");
            }
    }
}
