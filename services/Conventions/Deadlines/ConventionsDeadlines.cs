using Marten;
using Ordre.Conventions.Dossiers;
using Ordre.Conventions.Dossiers.Clock;
using Ordre.Conventions.Dossiers.Uploading;

namespace Ordre.Conventions.Deadlines;

/// <summary>
/// Deadlines as data: each dossier's NextDeadline is indexed on its snapshot, and this sweep appends what the day brings
/// (a declaration closes at its benefit date; silence authorises a request the day after the last day to decide). The day
/// comes from TimeProvider, so tests move the clock instead of sleeping. The same sweep marks interrupted the uploads whose
/// process stopped (<see cref="StalledUploads"/>).
/// </summary>
public sealed class ConventionsDeadlines(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<ConventionsDeadlines> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Deadlines:SweepSeconds", 60)), clock);
        do
        {
            try
            {
                // A sweep takes at most DueStreams.PerSweep dossiers: go on while a full batch changed.
                while (await SweepAsync(stoppingToken) >= DueStreams.PerSweep)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Conventions deadline sweep failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Applies what is due today; returns how many dossiers changed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        var stalled = await StalledUploads.InterruptAsync(store, clock.GetUtcNow(), ct);
        if (stalled > 0)
            logger.LogWarning("{Count} envoi(s) sans lot enregistré depuis {Minutes} min marqué(s) interrompu(s)", stalled, StalledUploads.After.TotalMinutes);
        return await store.AppendWhatIsDueAsync<Dossier>(d => d.NextDeadline <= today, d => d.NextDeadline, d => d.Id, d => DossierClock.DueOn(d, today), logger, ct);
    }
}
