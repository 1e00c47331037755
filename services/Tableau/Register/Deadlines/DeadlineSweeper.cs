using JasperFx;
using Marten;
using Ordre.Tableau.Identifiers;
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
        await using var query = store.QuerySession();
        var dueIds = await query.Query<Practitioner>().Where(p => p.NextDeadline <= today).Select(p => p.Id).Take(1_000).ToListAsync(ct);

        var changed = 0;
        foreach (var id in dueIds)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Practitioner>(id, ct);
            if (stream.Aggregate is not { } entry || DueChanges.On(entry, today) is not { Count: > 0 } due)
                continue;
            stream.AppendMany(due);
            try
            {
                await session.SaveChangesAsync(ct);
                changed++;
            }
            catch (ConcurrencyException)
            {
                // Another instance or a command changed the entry first; the next sweep re-evaluates it.
            }
        }
        changed += await RejectSilentlyAsync(today, ct);
        changed += await ExpireLpsDeclarationsAsync(today, ct);
        if (changed > 0)
            logger.LogInformation("Deadline sweep on {Today}: {Changed} register entries changed", today, changed);
        return changed;
    }

    /// <summary>An LPS declaration not renewed lapses after its year of validity.</summary>
    private async Task<int> ExpireLpsDeclarationsAsync(DateOnly today, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var dueIds = await query.Query<LpsDeclaration>().Where(d => d.NextDeadline <= today).Select(d => d.Id).Take(1_000).ToListAsync(ct);
        var changed = 0;
        foreach (var id in dueIds)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<LpsDeclaration>(id, ct);
            if (stream.Aggregate is not { Status: LpsStatus.Registered, ValidUntil: { } until } || until >= today)
                continue;
            stream.AppendOne(new LpsDeclarationExpired(id, until.AddDays(1)));
            try
            {
                await session.SaveChangesAsync(ct);
                changed++;
            }
            catch (ConcurrencyException)
            {
                // Renewed at the same moment: the renewal stands.
            }
        }
        return changed;
    }

    /// <summary>L.4112-4: a complete dossier left undecided past its deadline is implicitly rejected.</summary>
    private async Task<int> RejectSilentlyAsync(DateOnly today, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var dueIds = await query.Query<Inscription>().Where(i => i.NextDeadline <= today).Select(i => i.Id).Take(1_000).ToListAsync(ct);
        var changed = 0;
        foreach (var id in dueIds)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Inscription>(id, ct);
            if (stream.Aggregate is not { Status: InscriptionStatus.Complete, DecisionDueOn: { } due } dossier || due >= today)
                continue;
            stream.AppendOne(new InscriptionImplicitlyRejected(dossier.Id, dossier.Rpps, dossier.Department, due));
            session.Delete<RppsClaim>(dossier.Rpps);
            try
            {
                await session.SaveChangesAsync(ct);
                changed++;
            }
            catch (ConcurrencyException)
            {
                // The council decided at the same moment: its decision stands.
            }
        }
        return changed;
    }
}
