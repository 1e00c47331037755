using Marten;

namespace Ordre.Tableau.Deadlines;

/// <summary>
/// What the calendar makes due in one feature's streams (deadlines as data: each feature indexes its next deadline on
/// its snapshot). Each feature owns its clock; <see cref="DeadlineSweeper"/> runs them all.
/// </summary>
public interface IDeadlines
{
    /// <summary>Appends every change due on <paramref name="today"/>; returns how many streams changed.</summary>
    Task<int> AppendDueAsync(IDocumentStore store, DateOnly today, ILogger logger, CancellationToken ct);
}

/// <summary>
/// Applies what the calendar makes due, feature by feature, in the order they were registered (register entries,
/// inscriptions, LPS declarations). It reads the day from TimeProvider, so tests move the clock instead of sleeping.
/// Several instances may sweep at once: a change already made is not due any more, and a race loses with a concurrency error.
/// </summary>
public sealed class DeadlineSweeper(
    IDocumentStore store, IEnumerable<IDeadlines> deadlines, TimeProvider clock, IConfiguration configuration, ILogger<DeadlineSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Deadlines:SweepSeconds", 60));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Deadline sweep failed; next attempt in {Interval}", interval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Applies every change due today; returns how many streams changed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        var changed = 0;
        foreach (var feature in deadlines)
            changed += await feature.AppendDueAsync(store, today, logger, ct);
        if (changed > 0)
            logger.LogInformation("Deadline sweep on {Today}: {Changed} register entries changed", today, changed);
        return changed;
    }
}

public static class DeadlinesRegistration
{
    /// <summary>The one sweeping host of the service; each feature adds its clock with <see cref="AddDeadlines{T}"/>.</summary>
    public static IServiceCollection AddDeadlineSweeper(this IServiceCollection services) =>
        services.AddSingleton<DeadlineSweeper>().AddHostedService(sp => sp.GetRequiredService<DeadlineSweeper>());

    public static IServiceCollection AddDeadlines<T>(this IServiceCollection services) where T : class, IDeadlines =>
        services.AddSingleton<IDeadlines, T>();
}
