namespace Ordre.Contracts.Conventions;

// Integration events of Conventions (IDAHE), for the national figures: counts by regime, category and month. They carry
// no personal data (no beneficiary, no amount per person, no company reference). Versioning: add fields only.

/// <summary>
/// A dossier (one regime's part of a company's submission) was received. <paramref name="Regime"/>: Declaration or
/// Authorisation; <paramref name="Category"/>: Hospitality, Fees, Studies, Miscellaneous or Simplified (DOMAIN §4.2);
/// <paramref name="Month"/>: the month of receipt, yyyy-MM (Europe/Paris); <paramref name="Late"/>: a declaration sent
/// less than 8 jours ouvrables before the benefit.
/// </summary>
public sealed record ConventionDossierSubmitted(
    Guid DossierId, string Regime, string Category, string Month, bool Late, bool Urgent, DateTimeOffset OccurredAt);

/// <summary>
/// The Ordre decided on a dossier: <paramref name="Decision"/> is RecommendationIssued (a declaration), Authorised or
/// Refused (an authorisation). <paramref name="Month"/>: the month of the decision, yyyy-MM.
/// </summary>
public sealed record ConventionDossierDecided(
    Guid DossierId, string Regime, string Category, string Decision, string Month, DateTimeOffset OccurredAt);

/// <summary>The Ordre did not decide within the time allowed: the convention is deemed authorised (silence vaut autorisation).</summary>
public sealed record ConventionAuthorisationDeemedGranted(
    Guid DossierId, string Category, string Month, DateTimeOffset OccurredAt);

/// <summary>
/// The dossiers of one batch of a company's CSV upload (up to 1,000 rows), counted: one message per batch instead of one
/// per dossier, so the bus stays far below the ingest rate (issue 12 §9). The dossiers counted here are NOT published again
/// one by one as <see cref="ConventionDossierSubmitted"/>. <paramref name="Month"/>: the month of receipt, yyyy-MM.
/// </summary>
public sealed record ConventionDossiersSubmitted(Guid BatchId, string Month, IReadOnlyList<ConventionDossierCount> Counts, DateTimeOffset OccurredAt);

/// <summary>How many dossiers of a batch have this regime, category, lateness and urgency.</summary>
public sealed record ConventionDossierCount(string Regime, string Category, bool Late, bool Urgent, int Dossiers);
