using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;

using Ordre.Tableau.Register.Death;
using Ordre.Tableau.Register.Importing;
using Ordre.Tableau.Register.Qualifications;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Sanctions;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Tableau.Register.Transfers;

namespace Ordre.Tableau.Register.Feed;

/// <summary>
/// One public change of the register, at its global position in the Tableau's event store. Never the reason of a
/// measure (a suspension's source, a striking-off's motive): only what a hospital or an agency needs to know.
/// </summary>
public sealed record RegisterFeedChange(
    long Position, string Kind, string Rpps, DateOnly EffectiveOn, DateTimeOffset RecordedAt,
    string? Status = null, bool? MayPractise = null, string? Department = null, string? Qualification = null);

/// <param name="Changes">The changes after the position asked for, in order.</param>
/// <param name="Next">The position to ask from next time (keep it: it is the subscriber's bookmark).</param>
/// <param name="UpTo">Every change up to this position is known to be committed: the feed never serves beyond it.</param>
public sealed record RegisterFeedPage(IReadOnlyList<RegisterFeedChange> Changes, long Next, long UpTo);

/// <summary>
/// The register's public changes in the order the event store committed them (issue 15 §3). A subscriber keeps the
/// last position it handled and asks from there: every change once, in order, with no gap, across restarts on
/// either side. Only events below the async daemon's high-water mark are served: a transaction still in flight
/// holds a lower sequence number than one already committed, and reading past the mark could skip it for good.
/// </summary>
public static class RegisterFeed
{
    public const int MaxPageSize = 5_000;
    public const int DefaultPageSize = 1_000;

    /// <summary>The kinds of change a subscriber receives.</summary>
    public static class Kinds
    {
        public const string Registered = "registered";
        public const string StatusChanged = "status-changed";
        public const string Transferred = "transferred";
        public const string QualificationRecognised = "qualification-recognised";
        public const string StruckOff = "struck-off";
        public const string Deceased = "deceased";
    }

    private static readonly Type[] PublicEvents =
    [
        typeof(RegisteredOnTableau), typeof(RegisterEntryImported), typeof(Reregistered),
        typeof(SuspensionOrdered), typeof(SuspensionEnded), typeof(PracticeBanStarted), typeof(PracticeBanEnded),
        typeof(TransferRequested), typeof(TransferRefused), typeof(TransferCompleted),
        typeof(QualificationRecognised), typeof(PractitionerStruckOff), typeof(PractitionerDied),
    ];

    /// <summary>What a subscriber learns of an event (null: nothing, the event is not public).</summary>
    public static RegisterFeedChange? ToChange(IEvent e) => e.Data switch
    {
        RegisteredOnTableau r => Change(e, Kinds.Registered, r.Rpps, r.RegisteredOn, RegisterStatus.Registered, r.Department),
        RegisterEntryImported r => Change(e, Kinds.Registered, r.Rpps, r.RegisteredOn, RegisterStatus.Registered, r.Department),
        Reregistered r => Change(e, Kinds.Registered, r.Rpps, r.RegisteredOn, RegisterStatus.Registered, r.Department),
        // A partial suspension leaves the doctor practising within limits; its source (health, insufficiency) is never told.
        SuspensionOrdered s => Change(e, Kinds.StatusChanged, s.Rpps, s.From, RegisterStatus.Suspended) with { MayPractise = s.Partial },
        SuspensionEnded s => Change(e, Kinds.StatusChanged, s.Rpps, s.On, s.StatusAfter ?? RegisterStatus.Registered),
        PracticeBanStarted b => Change(e, Kinds.StatusChanged, b.Rpps, b.From, RegisterStatus.Banned),
        PracticeBanEnded b => Change(e, Kinds.StatusChanged, b.Rpps, b.On, b.StatusAfter ?? RegisterStatus.Registered),
        TransferRequested t => Change(e, Kinds.StatusChanged, t.Rpps, t.On, RegisterStatus.InTransfer),
        TransferRefused t => Change(e, Kinds.StatusChanged, t.Rpps, t.On, RegisterStatus.Registered),
        TransferCompleted t => Change(e, Kinds.Transferred, t.Rpps, t.On, RegisterStatus.Registered, t.NewDepartment),
        QualificationRecognised q => new RegisterFeedChange(e.Sequence, Kinds.QualificationRecognised, q.Rpps, q.On, e.Timestamp, Qualification: q.Qualification),
        PractitionerStruckOff s => Change(e, Kinds.StruckOff, s.Rpps, s.EffectiveOn, RegisterStatus.StruckOff),
        PractitionerDied d => Change(e, Kinds.Deceased, d.Rpps, d.DiedOn, RegisterStatus.Deceased),
        _ => null,
    };

    private static RegisterFeedChange Change(IEvent e, string kind, string rpps, DateOnly on, RegisterStatus status, string? department = null) =>
        new(e.Sequence, kind, rpps, on, e.Timestamp, Ordre.Contracts.Tableau.RegisterStatuses.Name(status), status is RegisterStatus.Registered or RegisterStatus.InTransfer, department);

    /// <summary>The feed's current end: every change up to it is committed (the async daemon's high-water mark).</summary>
    public static async Task<long> EndAsync(IDocumentStore store, CancellationToken ct) =>
        (await store.Advanced.AllProjectionProgress(token: ct)).FirstOrDefault(p => p.ShardName == ShardState.HighWaterMark)?.Sequence ?? 0;

    /// <summary>The changes after <paramref name="after"/>, at most <paramref name="limit"/>, never beyond the high-water mark.</summary>
    public static async Task<RegisterFeedPage> ReadAsync(IDocumentStore store, long after, int limit, CancellationToken ct)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var upTo = progress.FirstOrDefault(p => p.ShardName == ShardState.HighWaterMark)?.Sequence ?? 0;
        if (after >= upTo)
            return new RegisterFeedPage([], after, upTo);
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > after && e.Sequence <= upTo && e.EventTypesAre(PublicEvents))
            .OrderBy(e => e.Sequence).Take(limit).ToListAsync(ct);
        var changes = events.Select(ToChange).OfType<RegisterFeedChange>().ToList();
        // A short page has read everything up to the mark: the next read starts there, past the events that are not public.
        var next = events.Count == limit ? events[^1].Sequence : upTo;
        return new RegisterFeedPage(changes, next, upTo);
    }

    /// <summary>
    /// The changes after <paramref name="after"/> as they come, for as long as the subscriber listens. Written at the
    /// subscriber's pace: a slow one holds one page at most here and only falls behind; the register never waits for it.
    /// </summary>
    public static async IAsyncEnumerable<SseItem<RegisterFeedChange>> FollowAsync(
        IDocumentStore store, TimeProvider clock, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        var position = after;
        while (!ct.IsCancellationRequested)
        {
            var page = await ReadAsync(store, position, DefaultPageSize, ct);
            foreach (var change in page.Changes)
                yield return new SseItem<RegisterFeedChange>(change, change.Kind) { EventId = change.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            position = page.Next;
            if (page.Next >= page.UpTo && !await WaitAsync(clock, ct))
                yield break;
        }
    }

    /// <summary>Waits before looking again; false when the subscriber has gone.</summary>
    private static async Task<bool> WaitAsync(TimeProvider clock, CancellationToken ct)
    {
        try
        {
            await Task.Delay(PollInterval, clock, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>How often a caught-up stream looks for new changes (the daemon moves its mark about as often).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
}
