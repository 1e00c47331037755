namespace Ordre.Contracts.Discipline;

/// <summary>
/// A pseudonymised case-law sheet of a national chamber decision was published in the public case-law base.
/// The text carries no party names, addresses or RPPS numbers. <paramref name="Sanction"/>: Dismissed, Warning,
/// Reprimand, PublicFunctionsBan, PracticeBan or StrikingOff.
/// </summary>
public sealed record JurisprudenceFichePublished(
    Guid SheetId, int Number, string Title, string Summary, IReadOnlyList<string> Themes, string Sanction,
    DateOnly DecidedOn, DateTimeOffset OccurredAt);
