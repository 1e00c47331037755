using Marten;
using Ordre.Tableau.Inscriptions;
using Ordre.Tableau.Inscriptions.Deciding;
using Ordre.Tableau.Lps;

namespace Ordre.Tableau.Register.Deadlines;

/// <summary>
/// Applies what the calendar makes due (suspensions ending, bans starting and ending, strikings-off
/// on their date, inscriptions implicitly rejected by the council's silence). Deadlines are data: each entry's next one is indexed on its snapshot; this service
/// reads the day from TimeProvider, so tests move the clock instead of sleeping. Several instances may
/// sweep at once: a change already made is not due any more, and a race loses with a concurrency error.
/// </summary>
public sealed class DeadlineSweeper(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<DeadlineSweeper> logger)
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

    /// <summary>Applies every change due today; returns how many entries changed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        var changed = await store.AppendWhatIsDueAsync<Practitioner>(p => p.NextDeadline <= today, p => p.Id, entry => DueChanges.On(entry, today), logger, ct);
        changed += await RejectSilentlyAsync(today, ct);
        changed += await ExpireLpsDeclarationsAsync(today, ct);
        if (changed > 0)
            logger.LogInformation("Deadline sweep on {Today}: {Changed} register entries changed", today, changed);
        return changed;
    }

    /// <summary>An LPS declaration not renewed lapses after its year of validity.</summary>
    private Task<int> ExpireLpsDeclarationsAsync(DateOnly today, CancellationToken ct) =>
        store.AppendWhatIsDueAsync<LpsDeclaration>(d => d.NextDeadline <= today, d => d.Id, declaration =>
            declaration is { Status: LpsStatus.Registered, ValidUntil: { } until } && until < today
                ? [new LpsDeclarationExpired(declaration.Id, until.AddDays(1))]
                : [], logger, ct);

    /// <summary>L.4112-4: a complete dossier left undecided past its deadline is implicitly rejected (its RPPS claim released).</summary>
    private Task<int> RejectSilentlyAsync(DateOnly today, CancellationToken ct) =>
        store.AppendWhatIsDueAsync<Inscription>(i => i.NextDeadline <= today, i => i.Id, dossier =>
            dossier is { Status: InscriptionStatus.Complete, DecisionDueOn: { } due } && due < today
                ? [new InscriptionImplicitlyRejected(dossier.Id, dossier.Rpps, dossier.Department, due)]
                : [], logger, ct,
            (session, dossier) => session.Delete<RppsClaim>(dossier.Rpps));
}
