using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ordre.Testing;

/// <summary>
/// A RabbitMQ virtual host of its own per fixture (through the management API), so that queues and
/// exchanges of concurrent fixtures never meet, with one user per service holding the permissions of
/// <see cref="BusPermissions"/> on it. Deleted, users included, on dispose.
/// </summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;
    private readonly Dictionary<string, Uri> _services;

    private TestVirtualHost(HttpClient management, string name, Uri amqp, Dictionary<string, Uri> services)
    {
        _management = management;
        Name = name;
        Amqp = amqp;
        _services = services;
    }

    public string Name { get; }

    /// <summary>
    /// amqp://admin:pass@host:port/vhost with every permission: for test harnesses only (a listener on a
    /// queue of its own). A service runs with <see cref="AmqpFor"/>.
    /// </summary>
    public Uri Amqp { get; }

    /// <summary>amqp://user:pass@host:port/vhost of the service's own user, for its ConnectionStrings:RabbitMq.</summary>
    public Uri AmqpFor(string service) =>
        _services.TryGetValue(service, out var uri) ? uri
            : throw new KeyNotFoundException($"{service} has no line in {BusPermissions.TablePath}.");

    public static async Task<TestVirtualHost> CreateAsync(TestServers servers)
    {
        var name = $"t-{Guid.NewGuid():N}";
        var management = new HttpClient { BaseAddress = new Uri(servers.RabbitManagement.GetLeftPart(UriPartial.Authority)) };
        var credentials = Uri.UnescapeDataString(servers.RabbitManagement.UserInfo);
        management.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

        (await management.PutAsync($"/api/vhosts/{name}", Json("{}"))).EnsureSuccessStatusCode();
        var admin = credentials.Split(':')[0];
        (await management.PutAsJsonAsync($"/api/permissions/{name}/{Uri.EscapeDataString(admin)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();

        // Users are global to the broker: their names carry the vhost's, so concurrent fixtures never share one.
        var services = new Dictionary<string, Uri>();
        foreach (var permissions in BusPermissions.Table)
        {
            var user = $"{name}-{permissions.Service}";
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            (await management.PutAsJsonAsync($"/api/users/{user}", new { password, tags = "" })).EnsureSuccessStatusCode();
            (await management.PutAsJsonAsync($"/api/permissions/{name}/{user}",
                new { configure = permissions.Configure, write = permissions.Write, read = permissions.Read })).EnsureSuccessStatusCode();
            services[permissions.Service] = new UriBuilder(servers.RabbitMq) { UserName = user, Password = password, Path = "/" + name }.Uri;
        }

        var amqp = new UriBuilder(servers.RabbitMq) { Path = "/" + name }.Uri;
        return new TestVirtualHost(management, name, amqp, services);
    }

    /// <summary>Names and message counts of the queues, e.g. to check that error queues stay empty.</summary>
    public async Task<string> QueuesJsonAsync() =>
        await _management.GetStringAsync($"/api/queues/{Name}?columns=name,type,messages");

    /// <summary>
    /// A queue's counters as the management API reports them: messages routed to it (publish) and acknowledged by its
    /// consumer (ack) since the broker started, and those waiting (ready) or delivered and not yet acknowledged.
    /// Null while the broker or its management API does not answer, or before the queue has statistics.
    /// The broker refreshes these every statistics interval (5 s by default), so they lag by up to that much.
    /// </summary>
    public async Task<QueueCounts?> QueueCountsAsync(string queue)
    {
        try
        {
            using var response = await _management.GetAsync($"/api/queues/{Uri.EscapeDataString(Name)}/{Uri.EscapeDataString(queue)}");
            if (!response.IsSuccessStatusCode) return null;
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;
            if (!root.TryGetProperty("messages_ready", out _)) return null; // statistics not collected yet
            root.TryGetProperty("message_stats", out var stats);
            return new QueueCounts(queue, Count(stats, "publish"), Count(stats, "ack"),
                Count(root, "messages_ready"), Count(root, "messages_unacknowledged"));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>
    /// Waits until the queue is settled — nothing ready, nothing unacknowledged, everything routed to it acknowledged —
    /// after at least <paramref name="routedSince"/> more messages than in <paramref name="since"/> were routed to it:
    /// every copy of those messages has then been consumed (applied, ignored as a duplicate, or moved to _error). The
    /// management statistics are sampled and the queue's publish counter was seen lagging its ack counter for over a
    /// minute on a loaded machine, so as many more acknowledgements count as well.
    /// </summary>
    public Task<QueueCounts?> SettledAsync(string queue, QueueCounts? since = null, int routedSince = 0, TimeSpan? timeout = null) =>
        Eventually.Until(() => QueueCountsAsync(queue),
            counts => counts is { Settled: true }
                && (counts.Routed >= (since?.Routed ?? 0) + routedSince || counts.Acknowledged >= (since?.Acknowledged ?? 0) + routedSince),
            timeout ?? TimeSpan.FromSeconds(60),
            $"queue {queue} settled with at least {routedSince} more messages routed or acknowledged");

    private static long Count(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64() : 0;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _management.DeleteAsync($"/api/vhosts/{Name}");
            foreach (var service in _services.Keys)
                await _management.DeleteAsync($"/api/users/{Name}-{service}");
        }
        catch (HttpRequestException)
        {
            // The broker may be stopped by the test that just ended; a leftover test vhost or user is harmless.
        }
        _management.Dispose();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

/// <summary>See <see cref="TestVirtualHost.QueueCountsAsync"/>.</summary>
public sealed record QueueCounts(string Queue, long Routed, long Acknowledged, long Ready, long Unacknowledged)
{
    public bool Settled => Ready == 0 && Unacknowledged == 0 && Acknowledged >= Routed;
}
