using Marten;
using Ordre.Tableau.Deadlines;
using Ordre.Tableau.Inscriptions.Appealing;

namespace Ordre.Tableau.Inscriptions.Deadlines;

/// <summary>The council did not decide within the legal time: its silence is a rejection, open to appeal (L.4112-4). Raised by the clock.</summary>
public sealed record InscriptionImplicitlyRejected(Guid InscriptionId, string Rpps, string Department, DateOnly On) : IChanges<Inscription>;

/// <summary>The regional council did not rule on the appeal within 2 months (R.4112-5): its silence rejects it. Raised by the clock.</summary>
public sealed record AppealImplicitlyRejected(Guid InscriptionId, AppealLevel Level, DateOnly On) : IChanges<Inscription>;

/// <summary>
/// L.4112-4: a complete dossier left undecided past its deadline is implicitly rejected (its RPPS claim released); not while
/// an expertise is pending (R.4112-2: the clock stops until the report, then resumes with the days it had left).
/// </summary>
public sealed class SilentRejection : IDeadlines
{
    public Task<int> AppendDueAsync(IDocumentStore store, DateOnly today, ILogger logger, CancellationToken ct) =>
        store.AppendWhatIsDueAsync<Inscription>(i => i.NextDeadline <= today, i => i.NextDeadline, i => i.Id, dossier => Due(dossier, today), logger, ct,
            (session, dossier) =>
            {
                if (dossier.Status == InscriptionStatus.Complete) // rejected now: the applicant may apply again
                    session.Delete<RppsClaim>(dossier.Rpps);
            });

    public static IReadOnlyList<object> Due(Inscription dossier, DateOnly today)
    {
        if (dossier is { Status: InscriptionStatus.Complete, Expertise: not ExpertiseState.Requested, DecisionDueOn: { } due } && due < today)
            return [new InscriptionImplicitlyRejected(dossier.Id, dossier.Rpps, dossier.Department, due)];
        if (dossier.PendingRegionalAppeal is { DecisionDueOn: { } appealDue } && appealDue < today)
            return [new AppealImplicitlyRejected(dossier.Id, AppealLevel.Regional, appealDue)];
        return [];
    }
}
