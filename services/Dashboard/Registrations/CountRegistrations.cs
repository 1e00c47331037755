using Marten;
using Ordre.Contracts.Tableau;
using Ordre.ServiceDefaults.Messaging;

namespace Ordre.Dashboard.Registrations;

/// <summary>Counts a granted inscription once, however many times the message arrives.</summary>
public sealed class CountGrantedInscriptions(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<PractitionerRegistered>(store, clock)
{
    protected override Task Apply(PractitionerRegistered message, IDocumentSession session, CancellationToken ct) =>
        DepartmentCounts.IncrementAsync(session, message.Department, message.OccurredAt, counts => counts.Registered++, ct);
}

/// <summary>Counts a refused inscription once.</summary>
public sealed class CountRefusedInscriptions(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<InscriptionRefused>(store, clock)
{
    protected override Task Apply(InscriptionRefused message, IDocumentSession session, CancellationToken ct) =>
        DepartmentCounts.IncrementAsync(session, message.Department, message.OccurredAt, counts => counts.Refused++, ct);
}

/// <summary>Counts an implicit rejection (the council's silence) once.</summary>
public sealed class CountImplicitRejections(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<InscriptionImplicitlyRejected>(store, clock)
{
    protected override Task Apply(InscriptionImplicitlyRejected message, IDocumentSession session, CancellationToken ct) =>
        DepartmentCounts.IncrementAsync(session, message.Department, message.OccurredAt, counts => counts.ImplicitlyRejected++, ct);
}

internal static class DepartmentCounts
{
    /// <summary>Stages one more of something for a department; the consumer's base class commits it with the message id.</summary>
    public static async Task IncrementAsync(IDocumentSession session, string department, DateTimeOffset occurredAt,
        Action<DepartmentRegistrations> increment, CancellationToken ct)
    {
        var counts = await session.LoadAsync<DepartmentRegistrations>(department, ct) ?? new DepartmentRegistrations { Id = department };
        increment(counts);
        counts.LastChangeAt = occurredAt;
        session.Store(counts);
    }
}
