using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Ordre.Testing;

/// <summary>
/// The PostgreSQL and RabbitMQ servers the tests run against, shared by the whole test process.
/// ORDRE_TEST_POSTGRES (admin connection string), ORDRE_TEST_RABBITMQ (amqp URI) and
/// ORDRE_TEST_RABBITMQ_MANAGEMENT (management API URI) name local servers (`./ordre test` sets them);
/// without them, Testcontainers starts both where a Docker engine exists. Never an in-memory stand-in.
/// </summary>
public sealed class TestServers
{
    private static readonly Lazy<Task<TestServers>> SharedServers = new(StartAsync);

    public static Task<TestServers> Shared => SharedServers.Value;

    public required string PostgresAdmin { get; init; }
    public required Uri RabbitMq { get; init; }
    public required Uri RabbitManagement { get; init; }
    /// <summary>Runs rabbitmqctl on the broker's host (local process or container).</summary>
    public required Func<string[], Task> RabbitCtl { get; init; }

    /// <summary>Stops the broker's application (connections drop, nothing is lost on disk).</summary>
    public Task StopBrokerAsync() => RabbitCtl(["stop_app"]);

    public Task StartBrokerAsync() => RabbitCtl(["start_app"]);

    private static async Task<TestServers> StartAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("ORDRE_TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("ORDRE_TEST_RABBITMQ");
        var management = Environment.GetEnvironmentVariable("ORDRE_TEST_RABBITMQ_MANAGEMENT");
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(rabbit) && !string.IsNullOrEmpty(management))
        {
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            return new TestServers
            {
                PostgresAdmin = postgres,
                RabbitMq = new Uri(rabbit),
                RabbitManagement = new Uri(management),
                RabbitCtl = LocalRabbitCtl,
            };
        }
        return await StartContainersAsync();
    }

    private static async Task LocalRabbitCtl(string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("rabbitmqctl could not start");
        var output = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {output}");
    }

    private static async Task<TestServers> StartContainersAsync()
    {
        try
        {
            var postgres = new PostgreSqlBuilder("postgres:15").WithPassword("postgres").Build();
            var rabbit = new RabbitMqBuilder("rabbitmq:3.13-management").WithUsername("guest").WithPassword("guest")
                .WithPortBinding(15672, true).Build();
            await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
            var host = rabbit.Hostname;
            return new TestServers
            {
                PostgresAdmin = postgres.GetConnectionString(),
                RabbitMq = new Uri(rabbit.GetConnectionString()),
                RabbitManagement = new Uri($"http://guest:guest@{host}:{rabbit.GetMappedPublicPort(15672)}/"),
                RabbitCtl = async arguments =>
                {
                    var result = await rabbit.ExecAsync(["rabbitmqctl", .. arguments]);
                    if (result.ExitCode != 0)
                        throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {result.Stderr}");
                },
            };
        }
        catch (DockerUnavailableException e)
        {
            throw new InvalidOperationException(
                "No test servers: set ORDRE_TEST_POSTGRES, ORDRE_TEST_RABBITMQ and ORDRE_TEST_RABBITMQ_MANAGEMENT " +
                "(`./ordre test` starts local servers and sets them), or run where a Docker engine is available.", e);
        }
    }
}
