using System.Linq.Expressions;
using JasperFx;
using Marten;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Complaints;

namespace Ordre.Discipline.Deadlines;

/// <summary>
/// Deadlines as data: each complaint's and case's NextDeadline is indexed on its snapshot, and this sweep appends
/// what the rules say the day brings (a month to convene or 3 months to transmit run out, 6 months to decide run
/// out, a decision becomes final after its appeal window). The day comes from TimeProvider, so tests move the
/// clock instead of sleeping.
/// </summary>
public sealed class DisciplineDeadlines(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<DisciplineDeadlines> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Deadlines:SweepSeconds", 60)), clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Discipline deadline sweep failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Applies what is due today; returns how many complaints and cases changed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return await SweepAsync<Complaint>(c => c.NextDeadline <= today, c => c.Id, c => ComplaintRules.DueOn(c, today), ct)
            + await SweepAsync<ChamberCase>(c => c.NextDeadline <= today, c => c.Id, c => ChamberRules.DueOn(c, today), ct);
    }

    private async Task<int> SweepAsync<T>(Expression<Func<T, bool>> isDue, Expression<Func<T, Guid>> id, Func<T, IReadOnlyList<object>> dueOn, CancellationToken ct)
        where T : class
    {
        await using var query = store.QuerySession();
        var due = await query.Query<T>().Where(isDue).Select(id).Take(1_000).ToListAsync(ct);
        var changed = 0;
        foreach (var streamId in due)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<T>(streamId, ct);
            if (stream.Aggregate is not { } aggregate || dueOn(aggregate) is not { Count: > 0 } events)
                continue;
            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(ct);
                changed++;
            }
            catch (ConcurrencyException)
            {
                // Someone acted on it at the same moment: the next sweep re-reads it.
            }
        }
        return changed;
    }
}
