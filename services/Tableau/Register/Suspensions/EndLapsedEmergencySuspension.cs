using Marten;
using Ordre.Contracts.Discipline;
using Ordre.ServiceDefaults.Messaging;

namespace Ordre.Tableau.Register.Suspensions;

/// <summary>
/// L.4113-14: the chamber did not rule in time on the case the ARS referred, so the ARS's emergency suspension
/// ends that day. Another kind of suspension (ordered by a regional council) is not touched.
/// </summary>
public sealed class EndLapsedEmergencySuspension(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<EmergencySuspensionLapsed>(store, clock)
{
    protected override async Task Apply(EmergencySuspensionLapsed message, IDocumentSession session, CancellationToken ct)
    {
        var entry = await session.Events.FetchForWriting<Practitioner>(PractitionerStream.IdOf(message.Rpps), ct);
        if (entry.Aggregate?.Suspension is { Source: SuspensionSource.ArsEmergency } suspension)
            entry.AppendMany(Sanctions.StatusAfter.Stamp(entry.Aggregate, [new SuspensionEnded(entry.Id, message.Rpps, suspension.SuspensionId,
                SuspensionEnd.Lapsed, message.On, "chambre disciplinaire (L.4113-14)")]));
    }
}
