using Marten;
using Ordre.Contracts.Discipline;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Tableau.Register.Deadlines;

namespace Ordre.Tableau.Register.Sanctions;

/// <summary>A sanction from the chambers, recorded on the entry; bans and strikings-off apply on their dates.</summary>
public sealed record SanctionRecorded(Guid PractitionerId, string Rpps, Guid SanctionId, SanctionKind Kind, DateOnly From, DateOnly? To);

/// <summary>The ban on practising started (raised by the clock on its first day).</summary>
public sealed record PracticeBanStarted(Guid PractitionerId, string Rpps, Guid SanctionId, DateOnly From, DateOnly? To);

/// <summary>The ban ended: after its last day, or early when the sanction was ended.</summary>
public sealed record PracticeBanEnded(Guid PractitionerId, string Rpps, Guid SanctionId, DateOnly On);

/// <summary>A sanction ended before it took or finished its effect.</summary>
public sealed record SanctionWithdrawn(Guid PractitionerId, string Rpps, Guid SanctionId, DateOnly On);

/// <summary>
/// Records an enforceable sanction on the doctor's entry, once per message. What it does to the register happens on
/// its dates: at once when its first day has come (the doctor leaves the directory without waiting for a sweep), else
/// by the deadline sweeper (a future start date waits).
/// </summary>
public sealed class RecordEnforceableSanction(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<SanctionEnforceable>(store, clock)
{
    protected override async Task Apply(SanctionEnforceable message, IDocumentSession session, CancellationToken ct)
    {
        if (message.KindOf() is not { } kind)
            throw new ArgumentException($"Unknown sanction kind '{message.Kind}'.", nameof(message));
        var entry = await session.Events.FetchForWriting<Practitioner>(PractitionerStream.IdOf(message.Rpps), ct);
        if (entry.Aggregate is null)
            throw new InvalidOperationException($"Sanction {message.SanctionId} names RPPS {message.Rpps}, which is not on the Tableau.");
        if (entry.Aggregate.Sanctions.Any(s => s.SanctionId == message.SanctionId))
            return;
        var recorded = new SanctionRecorded(entry.Id, message.Rpps, message.SanctionId, kind, message.From, message.To);
        entry.AppendOne(recorded);
        // A doctor struck off or deceased is not "banned" by a later sanction (nor brought back when it ends).
        if (!entry.Aggregate.IsClosed)
            entry.AppendMany(DueChanges.On(entry.Aggregate.Apply(recorded), ParisCalendar.Today(Clock)));
    }
}

/// <summary>
/// L.4113-14: the chamber did not rule in time on the case the ARS referred, so the ARS's emergency suspension
/// ends that day. Another kind of suspension (ordered by a regional council) is not touched.
/// </summary>
public sealed class EndLapsedEmergencySuspension(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<EmergencySuspensionLapsed>(store, clock)
{
    protected override async Task Apply(EmergencySuspensionLapsed message, IDocumentSession session, CancellationToken ct)
    {
        var entry = await session.Events.FetchForWriting<Practitioner>(PractitionerStream.IdOf(message.Rpps), ct);
        if (entry.Aggregate?.Suspension is { Source: Suspensions.SuspensionSource.ArsEmergency } suspension)
            entry.AppendOne(new Suspensions.SuspensionEnded(entry.Id, message.Rpps, suspension.SuspensionId, Suspensions.SuspensionEnd.Lapsed, message.On,
                "chambre disciplinaire (L.4113-14)"));
    }
}

/// <summary>Ends a sanction early: a running ban ends that day, a future one never starts.</summary>
public sealed class EndSanction(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<SanctionEnded>(store, clock)
{
    protected override async Task Apply(SanctionEnded message, IDocumentSession session, CancellationToken ct)
    {
        var entry = await session.Events.FetchForWriting<Practitioner>(PractitionerStream.IdOf(message.Rpps), ct);
        if (entry.Aggregate?.Sanctions.FirstOrDefault(s => s.SanctionId == message.SanctionId) is not { } sanction || sanction.Over)
            return;
        if (entry.Aggregate.Ban?.SanctionId == message.SanctionId)
            entry.AppendOne(new PracticeBanEnded(entry.Id, message.Rpps, message.SanctionId, message.On));
        entry.AppendOne(new SanctionWithdrawn(entry.Id, message.Rpps, message.SanctionId, message.On));
    }
}
