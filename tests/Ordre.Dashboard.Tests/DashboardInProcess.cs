using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Dashboard.Figures;
using Ordre.Dashboard.Inbox;
using Ordre.Testing;

namespace Ordre.Dashboard.Tests;

/// <summary>The dashboard in process on its own PostgreSQL database and RabbitMQ virtual host (see <see cref="ServiceInProcess{TEntryPoint}"/>).</summary>
public sealed class DashboardInProcess : ServiceInProcess<Program>
{
    protected override string Name => "dashboard";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Dashboard:EventStores:dashboard"] = Database.ConnectionString("dashboard-health-tests", 2),
        ["Dashboard:RabbitMqManagement"] = TestServers.Shared.Result.RabbitManagement.ToString(),
    };

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public EventInbox Inbox => Services.GetRequiredService<EventInbox>();

    public const string Queue = "dashboard-record-integration-events";

    /// <summary>Publishes messages as a service would (MassTransit over the test virtual host), each with the given message id.</summary>
    public async Task PublishAsync(IEnumerable<(Guid MessageId, object Message)> messages)
    {
        // The dashboard's bus starts in the background: until its queue is bound, a published message reaches no queue.
        await Broker.SettledAsync(Queue);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(Broker.Amqp));
        await bus.StartAsync();
        try
        {
            await Task.WhenAll(messages.Select(m => bus.Publish(m.Message, m.Message.GetType(), context => context.MessageId = m.MessageId)));
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    public async Task<YearTally?> Tally(int year)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<YearTally>(year);
    }

    /// <summary>Waits until the figures' projection has counted every stored event (its progress reaches the last sequence).</summary>
    public Task CaughtUp() => Eventually.Until(async () =>
        {
            var last = await Database.QueryAsync<long>("select coalesce(max(seq_id), 0) from dashboard.mt_events");
            var progress = await Database.QueryAsync<long>(
                $"select coalesce(max(last_seq_id), 0) from dashboard.mt_event_progression where name like '{YearTallyProjection.ProjectionName}%'");
            return (last[0], progress[0]);
        }, p => p.Item2 >= p.Item1, TimeSpan.FromSeconds(60), "the figures' projection caught up");
}
