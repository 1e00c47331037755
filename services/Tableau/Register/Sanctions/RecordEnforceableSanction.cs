using Marten;
using Ordre.Contracts.Discipline;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Tableau.Register.Deadlines;

namespace Ordre.Tableau.Register.Sanctions;

/// <summary>A sanction from the chambers, recorded on the entry; bans and strikings-off apply on their dates.</summary>
public sealed record SanctionRecorded(Guid PractitionerId, string Rpps, Guid SanctionId, SanctionKind Kind, DateOnly From, DateOnly? To) : IChanges<Practitioner>;

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
        var today = ParisCalendar.Today(Clock);
        var entry = await session.Events.FetchForWriting<Practitioner>(PractitionerStream.IdOf(message.Rpps), ct);
        if (entry.Aggregate is null)
            throw new InvalidOperationException($"Sanction {message.SanctionId} names RPPS {message.Rpps}, which is not on the Tableau.");
        if (entry.Aggregate.Sanctions.Any(s => s.SanctionId == message.SanctionId))
            return;
        var recorded = new SanctionRecorded(entry.Id, message.Rpps, message.SanctionId, kind, message.From, message.To);
        entry.AppendOne(recorded);
        // A doctor struck off or deceased is not "banned" by a later sanction (nor brought back when it ends).
        if (!entry.Aggregate.IsClosed)
            entry.AppendMany(DueChanges.On(entry.Aggregate.Apply(recorded), today));
    }
}
