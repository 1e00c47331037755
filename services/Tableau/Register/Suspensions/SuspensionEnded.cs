namespace Ordre.Tableau.Register.Suspensions;

/// <summary>Lapsed: the chamber did not rule in time on an ARS emergency suspension (L.4113-14).</summary>
public enum SuspensionEnd { Lifted, Expired, Lapsed }

/// <summary>
/// The suspension ended: lifted by its authority, expired on its last day (raised by the clock), or lapsed.
/// <paramref name="StatusAfter"/>: the doctor's status once it ended (Banned when a ban still runs); null in events
/// recorded before measures stacked, which meant Registered.
/// </summary>
public sealed record SuspensionEnded(Guid PractitionerId, string Rpps, Guid SuspensionId, SuspensionEnd How, DateOnly On, string By, RegisterStatus? StatusAfter = null)
    : IChanges<Practitioner>;
