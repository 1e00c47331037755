using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Npgsql;
using Ordre.ServiceDefaults.Problems;

namespace Ordre.Tableau.Tests;

/// <summary>
/// ServiceDefaults' answers to a failing database, on a bare pipeline (ServiceDefaults has no test project of its own;
/// the system test DatabaseOutageThroughTheGateway shows the same through the gateway on a real PostgreSQL).
/// </summary>
public class ProblemsWhenTheDatabaseFails
{
    private static readonly PostgresException Terminated =
        new("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown);

    [Fact]
    public async Task A_request_that_met_a_connection_the_server_closed_runs_once_more_with_its_body()
    {
        var runs = 0;
        await using var app = await Start(async request =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            if (++runs == 1) throw Terminated;
            return body;
        });
        var response = await app.GetTestClient().PostAsync("/command", new StringContent("{\"a\":1}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"a\":1}", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task A_database_still_down_on_the_second_run_is_a_503_problem_with_Retry_After()
    {
        var runs = 0;
        await using var app = await Start(_ => { runs++; throw Terminated; });
        var response = await app.GetTestClient().PostAsync("/command", new StringContent("{}", Encoding.UTF8, "application/json"));
        await AssertUnavailable(response);
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task A_connection_that_cannot_be_opened_is_a_503_at_once_and_not_run_again()
    {
        var runs = 0;
        await using var app = await Start(_ =>
        {
            runs++;
            throw new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        });
        await AssertUnavailable(await app.GetTestClient().PostAsync("/command", new StringContent("{}", Encoding.UTF8, "application/json")));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task A_database_refusing_connections_is_a_503_but_a_constraint_violation_stays_a_500()
    {
        await using var refusing = await Start(_ => throw new PostgresException(
            "database \"t\" is not currently accepting connections", "FATAL", "FATAL", PostgresErrorCodes.ObjectNotInPrerequisiteState));
        await AssertUnavailable(await refusing.GetTestClient().PostAsync("/command", null));

        await using var bug = await Start(_ => throw new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));
        Assert.Equal(HttpStatusCode.InternalServerError, (await bug.GetTestClient().PostAsync("/command", null)).StatusCode);
    }

    private static async Task AssertUnavailable(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DependencyFailures.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"title\":\"Service indisponible\"", await response.Content.ReadAsStringAsync());
    }

    private static async Task<WebApplication> Start(Func<HttpRequest, Task<string>> handler)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddOrdreProblemDetails();
        var app = builder.Build();
        app.UseOrdreProblemDetails();
        app.UseBrokenConnectionRetry();
        app.MapPost("/command", async (HttpRequest request) => Results.Text(await handler(request)));
        await app.StartAsync();
        return app;
    }
}
