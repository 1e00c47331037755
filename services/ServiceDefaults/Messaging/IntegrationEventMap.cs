using JasperFx.Events;

namespace Ordre.ServiceDefaults.Messaging;

/// <summary>
/// Which committed domain events become which integration events. A service fills one map; the
/// publication subscription reads it. Domain events without an entry stay inside the service.
/// </summary>
public sealed class IntegrationEventMap
{
    private readonly Dictionary<Type, Func<IEvent, object?>> _translations = [];

    public IReadOnlyCollection<Type> DomainEventTypes => _translations.Keys;

    /// <summary>Maps a domain event to its integration event; a translation may return null for "nothing to publish".</summary>
    public IntegrationEventMap Map<TDomainEvent>(Func<TDomainEvent, IEvent, object?> translate)
        where TDomainEvent : notnull
    {
        _translations[typeof(TDomainEvent)] = e => translate((TDomainEvent)e.Data, e);
        return this;
    }

    public object? Translate(IEvent committed) =>
        _translations.TryGetValue(committed.EventType, out var translate) ? translate(committed) : null;
}
