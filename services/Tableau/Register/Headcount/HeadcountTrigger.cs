using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Services;
using Marten.Subscriptions;
using Ordre.Tableau.Register.Death;
using Ordre.Tableau.Register.Importing;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Sanctions;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Tableau.Register.Transfers;

namespace Ordre.Tableau.Register.Headcount;

/// <summary>
/// A Marten subscription (run by the daemon's leader, like the publication) that tells <see cref="HeadcountPublisher"/> (through <see cref="HeadcountSignal"/>) the
/// register changed: every committed event that moves an entry between departments, statuses or activities, the demo
/// import's 305,000 entries included. It publishes nothing itself: a page of 500 changes is one signal, and the publisher
/// counts at most about once a second.
/// </summary>
public sealed class HeadcountTrigger : SubscriptionBase
{
    public const string SubscriptionName = "HeadcountTrigger";

    /// <summary>The events that change a department, a status or an activity (<see cref="Practitioner"/>'s Apply methods).</summary>
    public static readonly Type[] Changes =
    [
        typeof(RegisteredOnTableau), typeof(RegisterEntryImported), typeof(Reregistered), typeof(Activity.ActivityStatusChanged),
        typeof(TransferRequested), typeof(TransferRefused), typeof(TransferCompleted), typeof(SuspensionOrdered), typeof(SuspensionEnded),
        typeof(StrikingOff.PractitionerStruckOff), typeof(PractitionerDied), typeof(PracticeBanStarted), typeof(PracticeBanEnded),
    ];

    private readonly HeadcountSignal _signal;

    public HeadcountTrigger(HeadcountSignal signal)
    {
        _signal = signal;
        Name = SubscriptionName;
        foreach (var type in Changes)
            IncludeType(type);
    }

    public override Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken ct)
    {
        if (page.Events.Count > 0)
            _signal.RegisterChanged();
        return Task.FromResult<IChangeListener>(NoChanges.Instance);
    }

    private sealed class NoChanges : IChangeListener
    {
        public static readonly NoChanges Instance = new();
        public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
        public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
    }
}
