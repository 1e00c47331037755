namespace Ordre.Contracts.Tableau;

/// <summary>A departmental council refused an inscription request, with its motives.</summary>
public sealed record InscriptionRefused(
    Guid InscriptionId,
    string Rpps,
    string Department,
    IReadOnlyList<string> Motives,
    DateOnly RefusedOn,
    DateTimeOffset OccurredAt);
