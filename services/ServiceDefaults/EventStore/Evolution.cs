using System.Collections.Concurrent;
using System.Reflection;

namespace Ordre.ServiceDefaults.EventStore;

/// <summary>
/// Marks an event of <typeparamref name="TAggregate"/>'s stream. The aggregate applies it in exactly one place, its
/// <c>Apply</c> method (or <c>Create</c> for the first event), which Marten calls for the snapshot and
/// <see cref="Evolution{TAggregate}"/> calls on the command path; each service tests that every marked event has one.
/// </summary>
public interface IChanges<TAggregate>;

/// <summary>
/// Applies events to an aggregate through the aggregate's own <c>Apply</c> methods, the ones Marten uses, so that the
/// command path answers the same state the snapshot will hold without a second, hand-written dispatch.
/// </summary>
public static class Evolution<TAggregate> where TAggregate : class
{
    private static readonly ConcurrentDictionary<Type, Func<TAggregate, object, TAggregate>?> Appliers = new();

    public static TAggregate Apply(TAggregate state, object @event) =>
        Appliers.GetOrAdd(@event.GetType(), ApplierFor) is { } apply
            ? apply(state, @event)
            : throw new ArgumentException($"{typeof(TAggregate).Name} has no Apply({@event.GetType().Name}).", nameof(@event));

    /// <summary>Whether the aggregate applies this event type, by an <c>Apply</c> method or as its first event (<c>Create</c>).</summary>
    public static bool Handles(Type eventType) =>
        ApplierFor(eventType) is not null
        || typeof(TAggregate).GetMethod("Create", BindingFlags.Public | BindingFlags.Static, [eventType]) is not null;

    /// <summary>Every event type marked as changing this aggregate in the given assembly.</summary>
    public static IReadOnlyList<Type> MarkedEvents(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.IsAssignableTo(typeof(IChanges<TAggregate>)) && !t.IsAbstract).ToList();

    private static Func<TAggregate, object, TAggregate>? ApplierFor(Type eventType)
    {
        var method = typeof(TAggregate).GetMethod("Apply", BindingFlags.Public | BindingFlags.Instance, [eventType]);
        if (method is null)
            return null;
        if (method.ReturnType == typeof(TAggregate))
            return (state, e) => (TAggregate)method.Invoke(state, BindingFlags.DoNotWrapExceptions, null, [e], null)!;
        if (method.ReturnType == typeof(void))
            return (state, e) => { method.Invoke(state, BindingFlags.DoNotWrapExceptions, null, [e], null); return state; };
        return null;
    }
}
