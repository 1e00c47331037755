using Marten;
using MassTransit;
using Ordre.Contracts.Tableau;

namespace Ordre.Tableau.Register.Headcount;

/// <summary>
/// Publishes <see cref="TableauHeadcountCounted"/> (docs/dashboard.md, "Headcount"): once at startup when the register's
/// count differs from the last one published, then each time <see cref="HeadcountTrigger"/> says the register changed, at
/// most once per <c>Tableau:HeadcountIntervalMilliseconds</c> (1,000 by default). Changes arriving inside the interval are
/// all served by the one count made when it ends, so a burst (the demo import's 305,000 entries, a sweep of deadlines)
/// yields one message a second, never one per doctor; a single change after a quiet second is published at once. Without
/// a signal for <c>Tableau:HeadcountReconcileSeconds</c> it counts anyway and publishes only a figure that changed.
/// Time comes from the <see cref="TimeProvider"/> (tests move it).
/// </summary>
public sealed class HeadcountPublisher(HeadcountSignal signal, IDocumentStore store, IBus bus, TimeProvider clock, IConfiguration configuration,
    ILogger<HeadcountPublisher> log)
    : BackgroundService
{
    private readonly TimeSpan _interval = TimeSpan.FromMilliseconds(configuration.GetValue("Tableau:HeadcountIntervalMilliseconds", 1000));
    private DateTimeOffset? _lastPublishedAt;

    private readonly TimeSpan _reconcile = TimeSpan.FromSeconds(configuration.GetValue("Tableau:HeadcountReconcileSeconds", 10));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await CountAndPublishAsync(onlyIfChanged: true, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await ChangedOrReconcileDueAsync(stoppingToken))
            {
                // No signal for a while: count anyway and publish if the register differs from the last figure sent. A signal
                // the subscription could not give (its daemon lost the database and its leadership) or a publication lost
                // with the broker is thus made good within Tableau:HeadcountReconcileSeconds (10 by default).
                await CountAndPublishAsync(onlyIfChanged: true, stoppingToken);
                continue;
            }
            if (_lastPublishedAt is { } last && last + _interval - clock.GetUtcNow() is { Ticks: > 0 } wait)
                await Task.Delay(wait, clock, stoppingToken);
            // Changes signalled during the wait are all counted now.
            signal.Clear();
            await CountAndPublishAsync(onlyIfChanged: false, stoppingToken);
        }
    }

    /// <summary>True when the register signalled a change, false when the reconciliation is due first (on the <see cref="TimeProvider"/>).</summary>
    private async Task<bool> ChangedOrReconcileDueAsync(CancellationToken ct)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var changed = signal.WaitAsync(either.Token);
        var due = Task.Delay(_reconcile, clock, either.Token);
        await Task.WhenAny(changed, due);
        await either.CancelAsync();
        try
        {
            await Task.WhenAll(changed, due);
        }
        catch (OperationCanceledException)
        {
            // The one that did not finish first.
        }
        ct.ThrowIfCancellationRequested();
        return changed.IsCompletedSuccessfully;
    }

    private async Task CountAndPublishAsync(bool onlyIfChanged, CancellationToken ct)
    {
        try
        {
            await using var session = store.LightweightSession();
            var rows = await HeadcountCount.CountAsync(session, ct);
            var last = await session.LoadAsync<LastPublishedHeadcount>(LastPublishedHeadcount.TheOne, ct);
            if (onlyIfChanged && (last?.Rows ?? []).SequenceEqual(rows))
                return;
            var countedAt = clock.GetUtcNow();
            var number = (last?.Number ?? 0) + 1;
            await bus.Publish(new TableauHeadcountCounted(countedAt, ParisCalendar.DayOf(countedAt), rows, number), ct);
            _lastPublishedAt = countedAt;
            session.Store(new LastPublishedHeadcount { CountedAt = countedAt, Rows = [.. rows], Number = number });
            await session.SaveChangesAsync(ct);
            log.LogInformation("Effectif du Tableau publié : {Doctors} inscriptions en {Rows} lignes.", rows.Sum(r => r.Count), rows.Count);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Counted again at the next change, or at the next start (the last published figure then differs).
            log.LogWarning(e, "Effectif du Tableau non publié.");
            _lastPublishedAt = clock.GetUtcNow();
            signal.RegisterChanged();
        }
    }
}
