using Marten;
using Ordre.Dashboard.Figures;

namespace Ordre.Dashboard.Live;

/// <summary>The last event the figures count (<paramref name="Version"/>: its sequence) and the year it changed.</summary>
public sealed record FiguresChange(int Year, long Version);

/// <summary>
/// Watches the figures' projection (every <see cref="PollInterval"/>, on every instance, leader or not) and wakes the
/// open live streams when the figures changed. One light query for all streams.
/// </summary>
public sealed class FiguresVersion(IDocumentStore store, ILogger<FiguresVersion> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private volatile FiguresChange _current = new(0, 0);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FiguresChange Current => _current;

    /// <summary>Completes at the next change after <paramref name="seen"/> (at once when one already happened).</summary>
    public Task ChangedSince(long seen) => _current.Version > seen ? Task.CompletedTask : _changed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var session = store.QuerySession();
                var latest = await session.Query<YearTally>().OrderByDescending(t => t.LastSequence)
                    .Select(t => new FiguresChange(t.Id, t.LastSequence)).FirstOrDefaultAsync(stoppingToken);
                if (latest is not null && latest.Version > _current.Version)
                {
                    _current = latest;
                    Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Dashboard: the figures' version could not be read; next attempt in {Interval}", PollInterval);
            }
            try
            {
                await Task.Delay(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
