using System.Net.Http.Headers;
using System.Text;

namespace Ordre.Testing;

/// <summary>
/// A RabbitMQ virtual host of its own per fixture (through the management API), so that queues and
/// exchanges of concurrent fixtures never meet. Deleted on dispose.
/// </summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;

    private TestVirtualHost(HttpClient management, string name, Uri amqp)
    {
        _management = management;
        Name = name;
        Amqp = amqp;
    }

    public string Name { get; }

    /// <summary>amqp://user:pass@host:port/vhost for the services' ConnectionStrings:RabbitMq.</summary>
    public Uri Amqp { get; }

    public static async Task<TestVirtualHost> CreateAsync(TestServers servers)
    {
        var name = $"t-{Guid.NewGuid():N}";
        var management = new HttpClient { BaseAddress = new Uri(servers.RabbitManagement.GetLeftPart(UriPartial.Authority)) };
        var credentials = Uri.UnescapeDataString(servers.RabbitManagement.UserInfo);
        management.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

        (await management.PutAsync($"/api/vhosts/{name}", Json("{}"))).EnsureSuccessStatusCode();
        var user = credentials.Split(':')[0];
        (await management.PutAsync($"/api/permissions/{name}/{user}",
            Json("""{"configure":".*","write":".*","read":".*"}"""))).EnsureSuccessStatusCode();

        var amqp = new UriBuilder(servers.RabbitMq) { Path = "/" + name }.Uri;
        return new TestVirtualHost(management, name, amqp);
    }

    /// <summary>Names and message counts of the queues, e.g. to check that error queues stay empty.</summary>
    public async Task<string> QueuesJsonAsync() =>
        await _management.GetStringAsync($"/api/queues/{Name}?columns=name,type,messages");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _management.DeleteAsync($"/api/vhosts/{Name}");
        }
        catch (HttpRequestException)
        {
            // The broker may be stopped by the test that just ended; a leftover test vhost is harmless.
        }
        _management.Dispose();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
