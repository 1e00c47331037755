namespace Ordre.Conventions.Dossiers.Clock;

/// <summary>Raised by the clock: the Ordre did not decide in time, the convention is authorised (silence vaut autorisation, L.1453-8).</summary>
public sealed record AuthorisationDeemedGranted(Guid DossierId, DateOnly DueOn, DateOnly On, ConventionCategory Category) : IChanges<Dossier>;

/// <summary>Raised by the clock: a declaration closes at its benefit date (DOMAIN §10.4).</summary>
public sealed record DossierClosed(Guid DossierId, DateOnly On) : IChanges<Dossier>;

/// <summary>What the clock does to a dossier (swept by <see cref="Deadlines.ConventionsDeadlines"/>).</summary>
public static class DossierClock
{
    public static IReadOnlyList<object> DueOn(Dossier dossier, DateOnly today) => dossier.NextDeadline is { } due && due <= today
        ? dossier.Status switch
        {
            DossierStatus.Declared => [new DossierClosed(dossier.Id, today)],
            DossierStatus.UnderReview => [new AuthorisationDeemedGranted(dossier.Id, dossier.DecisionDueOn!.Value, today, dossier.Category)],
            _ => [],
        }
        : [];
}
