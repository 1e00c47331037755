using Marten;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Chambers.Clock;
using Ordre.Discipline.Complaints;
using Ordre.Discipline.Complaints.Clock;

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
        return await store.AppendWhatIsDueAsync<Complaint>(c => c.NextDeadline <= today, c => c.NextDeadline, c => c.Id, c => ComplaintClock.DueOn(c, today), logger, ct)
            + await store.AppendWhatIsDueAsync<ChamberCase>(c => c.NextDeadline <= today, c => c.NextDeadline, c => c.Id, c => CaseClock.DueOn(c, today), logger, ct);
    }
}
