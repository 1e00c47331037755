using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Ordre.Testing;

/// <summary>
/// A service in process with a fake clock, on its own database and RabbitMQ virtual host: tests move the
/// calendar instead of sleeping. Authentication is not exercised here (the system tests do that).
/// </summary>
public abstract class ServiceInProcess<TEntryPoint> : WebApplicationFactory<TEntryPoint>, IAsyncLifetime
    where TEntryPoint : class
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost Broker { get; private set; } = null!;

    /// <summary>
    /// The service's name (tableau, discipline…): names its database and its connection, and picks its broker user.
    /// </summary>
    protected abstract string Name { get; }

    /// <summary>Further configuration the service requires (e.g. the address of a service it calls).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var servers = await TestServers.Shared;
        Database = await TestDatabase.CreateAsync(servers, Name + "_ip");
        Broker = await TestVirtualHost.CreateAsync(servers);
        _ = Services; // starts the host
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Marten", Database.ConnectionString(Name + "-in-process"));
        builder.UseSetting("ConnectionStrings:RabbitMq", Broker.AmqpFor(Name).ToString());
        builder.UseSetting("Identity:Authority", "http://127.0.0.1:9/");
        // The hosted sweepers tick only when the test moves the clock this far; tests call the sweep themselves.
        builder.UseSetting("Deadlines:SweepSeconds", "3600");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // The database and virtual host go even when the host fails to stop (they were left behind before).
        try
        {
            await DisposeAsync();
        }
        finally
        {
            await Broker.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
