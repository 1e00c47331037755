using Marten;

namespace Ordre.Solidarity.Loans.Arrears;

/// <summary>
/// Arrears flagged by the clock (deadlines as data): each loan's NextDeadline is indexed on its snapshot, the day after
/// an installment's due date and its grace; this sweep appends <see cref="LoanInArrears"/> for every installment then
/// still unpaid. The day comes from TimeProvider, so tests move the clock instead of sleeping.
/// </summary>
public sealed class LoanArrears(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<LoanArrears> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Deadlines:SweepSeconds", 60)), clock);
        do
        {
            try
            {
                while (await SweepAsync(stoppingToken) >= DueStreams.PerSweep)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Loan arrears sweep failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Flags what is overdue today; returns how many loans changed.</summary>
    public Task<int> SweepAsync(CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return store.AppendWhatIsDueAsync<Loan>(l => l.NextDeadline <= today, l => l.NextDeadline, l => l.Id, l => DueOn(l, today), logger, ct);
    }

    /// <summary>
    /// Every installment past its due date and grace on <paramref name="today"/> and not covered by the repayments: one
    /// event each, with what is overdue through it. Nothing for a settled loan or one already flagged.
    /// </summary>
    public static IReadOnlyList<object> DueOn(Loan loan, DateOnly today)
    {
        if (loan.Settled)
            return [];
        var flagged = new List<object>();
        for (var i = loan.FlaggedThrough; i < loan.Schedule.Count && loan.Schedule[i].DueOn.AddDays(loan.GraceDays) < today; i++)
            if (loan.DueThrough(i) > loan.Repaid)
                flagged.Add(new LoanInArrears(loan.Id, i + 1, loan.Schedule[i].DueOn, loan.DueThrough(i) - loan.Repaid, today));
        return flagged;
    }
}
