using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Services;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Ordre.ServiceDefaults.Messaging;

/// <summary>
/// The event store is the outbox. This subscription, run by the async daemon on the leader instance,
/// reads committed events in sequence order and publishes their integration events through
/// MassTransit with the domain event's id as the message id. Marten stores the subscription's
/// progress only after a page is fully published, so a crash or a broker outage replays the page:
/// delivery is at-least-once, and consumers deduplicate by message id (docs/publication.md).
/// </summary>
public sealed class IntegrationEventPublisher : SubscriptionBase
{
    public const string SubscriptionName = "IntegrationEventPublication";

    private readonly IntegrationEventMap _map;
    private readonly IBus _bus;
    private readonly ILogger<IntegrationEventPublisher> _logger;

    public IntegrationEventPublisher(IntegrationEventMap map, IBus bus, ILogger<IntegrationEventPublisher> logger)
    {
        _map = map;
        _bus = bus;
        _logger = logger;
        Name = SubscriptionName;
        foreach (var type in map.DomainEventTypes)
            IncludeType(type);
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken ct)
    {
        foreach (var committed in page.Events)
        {
            if (_map.Translate(committed) is not { } message)
                continue;
            // Awaited one by one so that consumers see events in the order they were committed.
            await _bus.Publish(message, message.GetType(), context => context.MessageId = committed.Id, ct);
            _logger.LogDebug("Published {MessageType} {MessageId} for event #{Sequence}",
                message.GetType().Name, committed.Id, committed.Sequence);
        }
        return NoChanges.Instance;
    }

    private sealed class NoChanges : IChangeListener
    {
        public static readonly NoChanges Instance = new();
        public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
        public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
    }
}
