using Marten;

namespace Ordre.Conventions.Dossiers.Uploading;

/// <summary>
/// An upload whose process stopped (a crash, a restart, a deployment) cannot say so itself: swept with the deadlines, an
/// upload still « en cours » with no batch recorded for <see cref="After"/> is marked interrupted, its counts those of the
/// batches recorded. Sending the file again completes it (the rows recorded are unchanged).
/// </summary>
public static class StalledUploads
{
    /// <summary>A batch of 1,000 rows is recorded in well under a second: ten minutes without one is a stopped upload.</summary>
    public static readonly TimeSpan After = TimeSpan.FromMinutes(10);

    public const string Fault = "Envoi interrompu : aucun lot enregistré depuis 10 minutes (service arrêté ou connexion perdue). "
                                + "Envoyez de nouveau le fichier : les lignes déjà enregistrées ne changeront pas.";

    /// <summary>Marks the stalled uploads interrupted; returns how many.</summary>
    public static async Task<int> InterruptAsync(IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        var before = now - After;
        await using var session = store.LightweightSession();
        var stalled = await session.Query<ConventionUpload>()
            .Where(u => u.Status == UploadStatus.Processing && (u.ProgressAt < before || (u.ProgressAt == null && u.StartedAt < before)))
            .Take(1_000).ToListAsync(ct);
        // An upload that resumes after this (a very slow sender) writes its own status again with its next batch.
        foreach (var upload in stalled)
            session.Update(upload with { Status = UploadStatus.Interrupted, Fault = Fault, FinishedAt = now });
        await session.SaveChangesAsync(ct);
        return stalled.Count;
    }
}
