using JasperFx.Events.Projections;
using Marten;

namespace Ordre.ServiceDefaults.EventStore;

public static class AggregateStreams
{
    /// <summary>
    /// One stream per <typeparamref name="TAggregate"/>, kept as an inline snapshot (commands and council reads load
    /// it), with every event marked <see cref="IChanges{TAggregate}"/> known to Marten by its stored name (the
    /// snake_case class name) from the start: a row written when the event lived in another namespace carries an older
    /// .NET type name, which must never be needed to read it.
    /// </summary>
    public static StoreOptions AddAggregateStream<TAggregate>(this StoreOptions options) where TAggregate : class
    {
        options.Projections.Snapshot<TAggregate>(SnapshotLifecycle.Inline);
        options.Events.AddEventTypes(Evolution<TAggregate>.MarkedEvents(typeof(TAggregate).Assembly));
        return options;
    }
}
