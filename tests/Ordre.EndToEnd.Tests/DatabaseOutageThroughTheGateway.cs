using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Ordre.Testing;
using Xunit.Abstractions;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// PostgreSQL taken away from the Tableau under load, without stopping the shared server: its connections are
/// terminated (pg_terminate_backend) and its throw-away database refuses new ones (ALLOW_CONNECTIONS false) for a
/// few seconds. Commands and reads then answer 503 problems with Retry-After, never 500, and work again after.
/// A pooled connection the server closed is retried on a new one: the request right after the termination succeeds.
/// </summary>
[Collection(SystemCollection.Name)]
public class DatabaseOutageThroughTheGateway(OrdreSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_request_right_after_the_server_closed_the_pooled_connections_succeeds()
    {
        using var paris = await system.HttpClientFor("cdom75");
        var (id, _) = await system.RequestedInscription();
        // Warm the pool: several connections in use at once, then idle in the pool.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => paris.GetAsync($"/tableau/inscriptions/{id}")));

        for (var round = 0; round < 3; round++)
        {
            var terminated = await TerminateTableauConnections();
            output.WriteLine($"round {round}: {terminated} connections terminated");
            Assert.True(terminated > 0, "the Tableau had no open connection to terminate");

            var command = await paris.PostAsJsonAsync("/tableau/inscriptions", NewDoctor("75"));
            Assert.True(command.StatusCode == HttpStatusCode.Created, $"a command after the termination: {(int)command.StatusCode} {await command.Content.ReadAsStringAsync()}");
            await TerminateTableauConnections();
            var read = await paris.GetAsync($"/tableau/inscriptions/{id}");
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"a read after the termination: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}");
        }
        // Which layer recovered: Marten's read retries, or our one retry of the whole request (BrokenConnectionRetry).
        output.WriteLine($"requests run once more by the service: {system.Tableau.RecentOutput.Split('\n').Count(l => l.Contains("running the request once more"))}");
    }

    [Fact]
    public async Task While_the_database_refuses_connections_requests_answer_503_with_Retry_After_never_500()
    {
        using var paris = await system.HttpClientFor("cdom75");
        var (id, _) = await system.RequestedInscription();
        var statuses = new ConcurrentDictionary<int, int>();
        var wrong = new ConcurrentBag<string>();

        using var outage = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            while (!outage.IsCancellationRequested)
            {
                using var response = worker % 2 == 0
                    ? await paris.PostAsJsonAsync("/tableau/inscriptions", NewDoctor("75"))
                    : await paris.GetAsync($"/tableau/inscriptions/{id}");
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status >= 500)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    if (status != 503)
                        wrong.Add($"{status}: {body}");
                    else if (response.Headers.RetryAfter?.Delta is not { TotalSeconds: > 0 }
                             || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                             || JsonDocument.Parse(body).RootElement.GetProperty("title").GetString() != "Service indisponible")
                        wrong.Add($"503 without Retry-After or French problem details: {response.Headers.RetryAfter} {body}");
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1));
        await SetConnectionsAllowed(false);
        try
        {
            await TerminateTableauConnections();
            await Task.Delay(TimeSpan.FromSeconds(6));
        }
        finally
        {
            await SetConnectionsAllowed(true);
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        outage.Cancel();
        await Task.WhenAll(load);

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(wrong.IsEmpty, string.Join("\n", wrong.Take(10)));
        Assert.True(statuses.GetValueOrDefault(503) > 0, "no 503 during the outage");

        // Back to normal without a restart.
        await Eventually.Until(async () => (await paris.PostAsJsonAsync("/tableau/inscriptions", NewDoctor("75"))).StatusCode,
            status => status == HttpStatusCode.Created, TimeSpan.FromSeconds(30), "a command succeeds after the outage");
        await system.Tableau.WaitUntilHealthyAsync();
    }

    private async Task<int> TerminateTableauConnections()
    {
        await using var admin = new NpgsqlConnection(system.Servers.PostgresAdmin);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity where datname = @db and application_name like 'tableau%') t", admin);
        command.Parameters.AddWithValue("db", system.TableauDatabase.Name);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    /// <summary>ALLOW_CONNECTIONS applies to every role, superusers included, and only to this throw-away database.</summary>
    private async Task SetConnectionsAllowed(bool allowed)
    {
        await using var admin = new NpgsqlConnection(system.Servers.PostgresAdmin);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand($"alter database {system.TableauDatabase.Name} with allow_connections {(allowed ? "true" : "false")}", admin);
        await command.ExecuteNonQueryAsync();
    }
}
