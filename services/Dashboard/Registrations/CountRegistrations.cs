using Marten;
using Ordre.Contracts.Tableau;
using Ordre.ServiceDefaults.Messaging;

namespace Ordre.Dashboard.Registrations;

/// <summary>Counts a granted inscription once, however many times the message arrives.</summary>
public sealed class CountGrantedInscriptions(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<PractitionerRegistered>(store, clock)
{
    protected override async Task Apply(PractitionerRegistered message, IDocumentSession session, CancellationToken ct)
    {
        var counts = await DepartmentCounts.LoadAsync(session, message.Department, ct);
        counts.Registered++;
        counts.LastChangeAt = message.OccurredAt;
        session.Store(counts);
    }
}

/// <summary>Counts a refused inscription once.</summary>
public sealed class CountRefusedInscriptions(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<InscriptionRefused>(store, clock)
{
    protected override async Task Apply(InscriptionRefused message, IDocumentSession session, CancellationToken ct)
    {
        var counts = await DepartmentCounts.LoadAsync(session, message.Department, ct);
        counts.Refused++;
        counts.LastChangeAt = message.OccurredAt;
        session.Store(counts);
    }
}

/// <summary>Counts an implicit rejection (the council's silence) once.</summary>
public sealed class CountImplicitRejections(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<InscriptionImplicitlyRejected>(store, clock)
{
    protected override async Task Apply(InscriptionImplicitlyRejected message, IDocumentSession session, CancellationToken ct)
    {
        var counts = await DepartmentCounts.LoadAsync(session, message.Department, ct);
        counts.ImplicitlyRejected++;
        counts.LastChangeAt = message.OccurredAt;
        session.Store(counts);
    }
}

internal static class DepartmentCounts
{
    public static async Task<DepartmentRegistrations> LoadAsync(IDocumentSession session, string department, CancellationToken ct) =>
        await session.LoadAsync<DepartmentRegistrations>(department, ct) ?? new DepartmentRegistrations { Id = department };
}
