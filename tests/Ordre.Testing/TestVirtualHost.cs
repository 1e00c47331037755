using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

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
