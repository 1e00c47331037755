using JasperFx;
using Marten;

namespace Ordre.Discipline.Chambers;

/// <summary>
/// Makes decisions final when their appeal window has passed (deadlines as data: each case's NextDeadline is
/// indexed on its snapshot), reading the day from TimeProvider so tests move the clock instead of sleeping.
/// </summary>
public sealed class CaseFinality(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<CaseFinality> logger)
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
                logger.LogError(e, "Case finality sweep failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        await using var query = store.QuerySession();
        var due = await query.Query<ChamberCase>().Where(c => c.NextDeadline <= today).Select(c => c.Id).Take(1_000).ToListAsync(ct);
        var changed = 0;
        foreach (var id in due)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<ChamberCase>(id, ct);
            if (stream.Aggregate is not { } chamberCase || ChamberRules.DueOn(chamberCase, today) is not { Count: > 0 } events)
                continue;
            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(ct);
                changed++;
            }
            catch (ConcurrencyException)
            {
                // An appeal was registered at the same moment: the next sweep re-reads the case.
            }
        }
        return changed;
    }
}
