using Marten;
using Ordre.Contracts.Discipline;
using Ordre.ServiceDefaults.Messaging;

namespace Ordre.Tableau.Register.Sanctions;

/// <summary>A sanction ended before it took or finished its effect.</summary>
public sealed record SanctionWithdrawn(Guid PractitionerId, string Rpps, Guid SanctionId, DateOnly On) : IChanges<Practitioner>;

/// <summary>Ends a sanction early: a running ban ends that day, a future one never starts.</summary>
public sealed class EndSanction(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<SanctionEnded>(store, clock)
{
    protected override async Task Apply(SanctionEnded message, IDocumentSession session, CancellationToken ct)
    {
        var entry = await session.Events.FetchForWriting<Practitioner>(PractitionerStream.IdOf(message.Rpps), ct);
        if (entry.Aggregate?.Sanctions.FirstOrDefault(s => s.SanctionId == message.SanctionId) is not { } sanction || sanction.Over)
            return;
        if (entry.Aggregate.Bans.Any(b => b.SanctionId == message.SanctionId))
            entry.AppendMany(StatusAfter.Stamp(entry.Aggregate, [new PracticeBanEnded(entry.Id, message.Rpps, message.SanctionId, message.On)]));
        entry.AppendOne(new SanctionWithdrawn(entry.Id, message.Rpps, message.SanctionId, message.On));
    }
}
