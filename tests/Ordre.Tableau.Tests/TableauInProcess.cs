using MassTransit;
using Ordre.Testing;

namespace Ordre.Tableau.Tests;

/// <summary>The Tableau in process with a fake clock (see <see cref="ServiceInProcess{TEntryPoint}"/>).</summary>
public sealed class TableauInProcess : ServiceInProcess<Program>
{
    protected override string Name => "tableau";

    /// <summary>Publishes on the service's broker as the Discipline service (its user), with a chosen message id.</summary>
    public async Task PublishAsync<T>(T message, Guid messageId) where T : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(Broker.AmqpFor("discipline")));
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
}
