using JasperFx.Events;
using Marten;
using Ordre.Tableau.Register.Activity;
using Ordre.Tableau.Register.Addresses;
using Ordre.Tableau.Register.Death;
using Ordre.Tableau.Register.Importing;
using Ordre.Tableau.Register.Qualifications;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Sanctions;
using Ordre.Tableau.Register.Sites;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Tableau.Register.Transfers;

namespace Ordre.Tableau.Register.AsOf;

/// <summary>
/// An entry as it stood at the end of <paramref name="AsOf"/> (Europe/Paris), and <paramref name="KnownOn"/>, the day the
/// last change that decides it was recorded: later than <paramref name="AsOf"/> when a decision recorded afterwards took
/// effect on or before that day (a sanction's dates, a striking-off dated back). Entry is null when the doctor was not
/// yet on the Tableau that day.
/// </summary>
public sealed record EntryAsOf(string Rpps, DateOnly AsOf, Practitioner? Entry, DateOnly? KnownOn)
{
    public bool KnownOnlyLater => KnownOn > AsOf;
}

/// <summary>
/// The register as of any past day, computed from the events (what was decided and when it took effect), never from a
/// stored snapshot: the events that took effect on or before the day, in the order they took effect, folded by the
/// entry's own Apply methods.
/// </summary>
public static class RegisterAsOf
{
    /// <summary>An as-of date as callers write it (ISO, yyyy-MM-dd), or the French reason it cannot be read.</summary>
    public static (DateOnly? Day, string? Error) ParseDay(string? asOf, DateOnly today)
    {
        if (string.IsNullOrEmpty(asOf))
            return (null, null);
        if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            return (null, "asOf est une date au format AAAA-MM-JJ (par exemple 2025-06-12).");
        return day > today ? (null, "asOf ne peut être dans le futur : le Tableau ne dit que ce qui a été décidé.") : (day, null);
    }

    /// <summary>The day an event takes effect on the register (its own date; the day it was recorded when it has none).</summary>
    public static DateOnly EffectiveOn(object data, DateTimeOffset recordedAt) => data switch
    {
        RegisteredOnTableau e => e.RegisteredOn,
        RegisterEntryImported e => e.RegisteredOn,
        Reregistered e => e.RegisteredOn,
        ActivityStatusChanged e => e.On,
        QualificationRecognised e => e.On,
        QualificationWithdrawn e => e.On,
        TransferRequested e => e.On,
        TransferExpertiseOrdered e => e.On,
        TransferCompleted e => e.On,
        TransferRefused e => e.On,
        SuspensionOrdered e => e.From,
        SuspensionEnded e => e.On,
        PractitionerStruckOff e => e.EffectiveOn,
        PractitionerDied e => e.DiedOn,
        PracticeBanStarted e => e.From,
        PracticeBanEnded e => e.On,
        SanctionWithdrawn e => e.On,
        DistinctSiteDeclared e => e.DeclaredOn,
        DistinctSiteOpposed e => e.On,
        // Recorded facts without a date of their own: a new address, a sanction or striking-off announced for later.
        ProfessionalAddressChanged or SanctionRecorded or StrikingOffScheduled => ParisCalendar.DayOf(recordedAt),
        _ => throw new ArgumentException($"{data.GetType().Name} has no effective date on the register.", nameof(data)),
    };

    /// <summary>Folds the events of one entry that took effect on or before <paramref name="asOf"/>.</summary>
    public static EntryAsOf Replay(string rpps, IEnumerable<IEvent> events, DateOnly asOf)
    {
        var effective = events
            .Select(e => (Event: e, On: EffectiveOn(e.Data, e.Timestamp)))
            .Where(x => x.On <= asOf)
            .OrderBy(x => x.On).ThenBy(x => x.Event.Version)
            .ToList();
        Practitioner? entry = null;
        foreach (var (e, _) in effective)
            entry = e.Data switch
            {
                RegisteredOnTableau created => Practitioner.Create(created),
                RegisterEntryImported imported => Practitioner.Create(imported),
                _ when entry is null => null, // nothing applies before the doctor is on the Tableau
                _ => Evolution<Practitioner>.Apply(entry, e.Data),
            };
        var knownOn = entry is null ? (DateOnly?)null : effective.Max(x => ParisCalendar.DayOf(x.Event.Timestamp));
        return new EntryAsOf(rpps, asOf, entry, knownOn);
    }

    /// <summary>The entries of these streams as of one day (those already on the Tableau then), from one query of their events.</summary>
    public static async Task<IReadOnlyList<EntryAsOf>> LoadStreamsAsync(IQuerySession session, IReadOnlyCollection<Guid> streamIds, DateOnly asOf, CancellationToken ct)
    {
        var ids = streamIds.Distinct().ToArray();
        var events = ids.Length == 0 ? [] : await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.StreamId)).ToListAsync(ct);
        return [.. events.GroupBy(e => e.StreamId)
            .Select(stream => Replay(stream.Key.ToString(), stream, asOf))
            .Where(answer => answer.Entry is not null)
            .Select(answer => answer with { Rpps = answer.Entry!.Rpps })];
    }

    /// <summary>Many entries as of one day, from one query of their events (never one query per RPPS).</summary>
    public static async Task<IReadOnlyDictionary<string, EntryAsOf>> LoadAsync(
        IQuerySession session, IReadOnlyCollection<string> rppsNumbers, DateOnly asOf, CancellationToken ct)
    {
        var byId = rppsNumbers.Where(Rpps.IsValid).Distinct().ToDictionary(PractitionerStream.IdOf);
        var ids = byId.Keys.ToArray();
        var events = ids.Length == 0 ? [] : await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.StreamId)).ToListAsync(ct);
        return events.GroupBy(e => e.StreamId)
            .Select(stream => Replay(byId[stream.Key], stream, asOf))
            .Where(answer => answer.Entry is not null)
            .ToDictionary(answer => answer.Rpps);
    }
}
