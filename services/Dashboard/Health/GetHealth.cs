using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;
using Ordre.ServiceDefaults.Messaging;

namespace Ordre.Dashboard.Health;

public sealed record QueueView(string Name, long Messages, long Consumers, bool IsError);

public sealed record ProjectionView(string Name, long Sequence, long HighWater);

public sealed record ServiceProgressView(string Service, string? DaemonLeader, IReadOnlyList<ProjectionView> Projections);

/// <summary>
/// The operators' panel: the broker's queues (an error queue with messages is a lost figure until replayed), and each
/// service's daemon leader and projection progress read from its database. <paramref name="Problems"/> names what could
/// not be read (the panel still answers: it is the tool for when things are down).
/// </summary>
public sealed record HealthView(DateTimeOffset CheckedAt, IReadOnlyList<QueueView> Queues, IReadOnlyList<ServiceProgressView> Services,
    IReadOnlyList<string> Problems);

/// <summary>
/// Reads the RabbitMQ management API (<c>Dashboard:RabbitMqManagement</c>, a user with the monitoring tag) and, for each
/// service of <c>Dashboard:EventStores</c> (name → read-only connection string to its database), the Marten tables
/// <c>mt_event_progression</c> and <c>mt_events</c> and the holder of the daemon's advisory lock (docs/dashboard.md).
/// </summary>
public sealed class HealthReader(IConfiguration configuration, IHttpClientFactory http, TimeProvider clock, ILogger<HealthReader> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthView> ReadAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        var queues = await QueuesAsync(problems, ct);
        var services = new List<ServiceProgressView>();
        foreach (var store in configuration.GetSection("Dashboard:EventStores").GetChildren())
            services.Add(await ProgressAsync(store.Key, store.Value ?? "", problems, ct));
        return new HealthView(clock.GetUtcNow(), queues, services, problems);
    }

    private async Task<List<QueueView>> QueuesAsync(List<string> problems, CancellationToken ct)
    {
        if (configuration["Dashboard:RabbitMqManagement"] is not { Length: > 0 } management
            || !Uri.TryCreate(management, UriKind.Absolute, out var uri))
        {
            problems.Add("Adresse de l'API de gestion de RabbitMQ non configurée (Dashboard:RabbitMqManagement).");
            return [];
        }
        try
        {
            var vhost = configuration.GetConnectionString("RabbitMq") is { } amqp ? BrokerAddress.Parse(amqp).VirtualHost : "/";
            using var client = http.CreateClient("rabbitmq-management");
            client.Timeout = Timeout;
            using var request = new HttpRequestMessage(HttpMethod.Get,
                new Uri(new Uri(uri.GetLeftPart(UriPartial.Authority)), $"/api/queues/{Uri.EscapeDataString(vhost)}?columns=name,messages,consumers"));
            if (uri.UserInfo.Length > 0)
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo))));
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                problems.Add($"L'API de gestion de RabbitMQ a répondu {(int)response.StatusCode}.");
                return [];
            }
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return [.. json.RootElement.EnumerateArray()
                .Select(q => (Name: q.GetProperty("name").GetString() ?? "", Messages: Number(q, "messages"), Consumers: Number(q, "consumers")))
                .OrderBy(q => q.Name, StringComparer.Ordinal)
                .Select(q => new QueueView(q.Name, q.Messages, q.Consumers, q.Name.EndsWith("_error", StringComparison.Ordinal)))];
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException or UriFormatException)
        {
            logger.LogWarning(e, "Dashboard health: the RabbitMQ management API could not be read");
            problems.Add("L'API de gestion de RabbitMQ ne répond pas.");
            return [];
        }
    }

    private static long Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private async Task<ServiceProgressView> ProgressAsync(string service, string connectionString, List<string> problems, CancellationToken ct)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString)
            {
                Timeout = (int)Timeout.TotalSeconds,
                CommandTimeout = (int)Timeout.TotalSeconds,
                Options = "-c default_transaction_read_only=on",
                MaxPoolSize = 2,
                ApplicationName = "dashboard-health",
            };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            var schema = service;
            var highWater = await ScalarAsync(connection, $"select coalesce(max(seq_id), 0) from {Quote(schema)}.mt_events", ct);
            var projections = new List<ProjectionView>();
            await using (var command = new NpgsqlCommand(
                $"select name, last_seq_id from {Quote(schema)}.mt_event_progression where name not like 'HighWater%' order by name", connection))
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    projections.Add(new ProjectionView(reader.GetString(0), reader.GetInt64(1), highWater));
            // The daemon's leader holds Marten's advisory locks (the FHIR notifier's own lock excepted: docs/publication.md).
            await using var leader = new NpgsqlCommand(
                """
                select a.application_name || ' (backend ' || a.pid || coalesce(', ' || host(a.client_addr), '') || ')'
                from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and a.datname = current_database()
                  and not (l.classid = 1179142482 and l.objid = 1398096467 and l.objsubid = 1)
                order by a.backend_start limit 1
                """, connection);
            var holder = await leader.ExecuteScalarAsync(ct) as string;
            return new ServiceProgressView(service, holder, projections);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            logger.LogWarning(e, "Dashboard health: the event store of {Service} could not be read", service);
            problems.Add($"La base de {service} ne répond pas ou n'est pas lisible.");
            return new ServiceProgressView(service, null, []);
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
