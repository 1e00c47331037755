using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ordre.Testing;

namespace Ordre.Tableau.Tests;

/// <summary>
/// The Tableau in process with a fake clock, on its own database and RabbitMQ virtual host: tests move
/// the calendar instead of sleeping. Authentication is not exercised here (see Ordre.EndToEnd.Tests).
/// </summary>
public sealed class TableauInProcess : WebApplicationFactory<Program>, IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost Broker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.Shared;
        Database = await TestDatabase.CreateAsync(servers, "tableau_ip");
        Broker = await TestVirtualHost.CreateAsync(servers);
        _ = Services; // starts the host
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Marten", Database.ConnectionString("tableau-in-process"));
        builder.UseSetting("ConnectionStrings:RabbitMq", Broker.Amqp.ToString());
        builder.UseSetting("Identity:Authority", "http://127.0.0.1:9/");
        builder.UseSetting("Deadlines:SweepSeconds", "3600");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Publishes on the service's broker as the Discipline service would, with a chosen message id.</summary>
    public async Task PublishAsync<T>(T message, Guid messageId) where T : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(Broker.Amqp));
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, context => context.MessageId = messageId);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Broker.DisposeAsync();
        await Database.DisposeAsync();
    }
}
