namespace Ordre.Tableau.Register.Sanctions;

/// <summary>The ban on practising started (raised by the clock on its first day).</summary>
public sealed record PracticeBanStarted(Guid PractitionerId, string Rpps, Guid SanctionId, DateOnly From, DateOnly? To) : IChanges<Practitioner>;

/// <summary>
/// The ban ended: after its last day, or early when the sanction was ended. <paramref name="StatusAfter"/>: the doctor's
/// status once it ended (Suspended when a suspension still runs); null in events recorded before measures stacked.
/// </summary>
public sealed record PracticeBanEnded(Guid PractitionerId, string Rpps, Guid SanctionId, DateOnly On, RegisterStatus? StatusAfter = null) : IChanges<Practitioner>;

/// <summary>Measures stack: what a measure's end leaves is stamped on the event, for the status published to other services.</summary>
public static class StatusAfter
{
    /// <summary><paramref name="events"/> as they apply to <paramref name="entry"/> in order, each end of a measure with the status it leaves.</summary>
    public static List<object> Stamp(Practitioner entry, IEnumerable<object> events)
    {
        var stamped = new List<object>();
        foreach (var e in events)
        {
            entry = Evolution<Practitioner>.Apply(entry, e);
            stamped.Add(e switch
            {
                PracticeBanEnded ended => ended with { StatusAfter = entry.Status },
                Suspensions.SuspensionEnded ended => ended with { StatusAfter = entry.Status },
                _ => e,
            });
        }
        return stamped;
    }
}
