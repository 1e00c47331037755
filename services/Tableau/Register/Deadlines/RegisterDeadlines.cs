using Marten;
using Ordre.Tableau.Deadlines;

namespace Ordre.Tableau.Register.Deadlines;

/// <summary>The register's clock: suspensions ending, bans starting and ending, strikings-off on their date (<see cref="DueChanges"/>).</summary>
public sealed class RegisterDeadlines : IDeadlines
{
    public Task<int> AppendDueAsync(IDocumentStore store, DateOnly today, ILogger logger, CancellationToken ct) =>
        store.AppendWhatIsDueAsync<Practitioner>(p => p.NextDeadline <= today, p => p.NextDeadline, p => p.Id, entry => DueChanges.On(entry, today), logger, ct,
            // A striking-off at the doctor's request applied today releases the RPPS for a new application.
            (session, entry) =>
            {
                if (entry.StrikingOffOn is { } scheduled && scheduled.On <= today && entry.Sanctions.All(s => !s.Pending || s.From > today))
                    session.Delete<Inscriptions.RppsClaim>(entry.Rpps);
            });
}
