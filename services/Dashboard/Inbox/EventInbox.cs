using Marten;
using Marten.Exceptions;
using MassTransit;
using Npgsql;

namespace Ordre.Dashboard.Inbox;

/// <summary>
/// Appends an arriving integration event to the dashboard's event store as the one event of a new stream whose id is
/// the message id. Two deliveries of one message (publication is at least once) start the same stream: the second
/// collides on the stream's primary key and appends nothing. Two different messages never touch the same row, so no
/// delivery can lose to another: there is no counter to race on (issue 14; the figures are projections).
/// </summary>
public sealed class EventInbox(IDocumentStore store)
{
    public async Task<bool> KeepAsync<T>(ConsumeContext<T> context) where T : class
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(T).Name} arrived without a message id; it cannot be deduplicated.");
        return await KeepAsync(messageId, context.Message, context.CancellationToken);
    }

    /// <summary>True when the event was appended, false when this message id was already kept.</summary>
    public async Task<bool> KeepAsync(Guid messageId, object message, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        // A redelivery long after the first copy is seen here, without a failed insert in the logs; two copies at once
        // are told apart by the primary key below.
        if (await session.Events.FetchStreamStateAsync(messageId, ct) is not null)
            return false;
        session.Events.StartStream(messageId, message);
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception e) when (e is JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
            or MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } })
        {
            return false;
        }
    }
}
