using Marten;
using MassTransit;

namespace Ordre.ServiceDefaults.Messaging;

/// <summary>
/// Base for consumers whose effect is written with Marten: the effect and the record of the message
/// id commit together, so a redelivered message (publication is at-least-once) changes nothing.
/// Two copies racing each other: the second insert of the same id fails, the retry policy runs the
/// consumer again, and it then sees the message as processed.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(IDocumentStore store, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ProcessedMessage>(messageId, context.CancellationToken) is not null)
            return;

        session.Insert(new ProcessedMessage(messageId, typeof(TMessage).Name, GetType().Name, Clock.GetUtcNow()));
        await Apply(context.Message, session, context.CancellationToken);
        await session.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>Stages the effect of the message in the session; the base class commits it.</summary>
    protected abstract Task Apply(TMessage message, IDocumentSession session, CancellationToken ct);

    /// <summary>The service's clock, for consumers whose effect depends on the day.</summary>
    protected TimeProvider Clock { get; } = clock;
}
