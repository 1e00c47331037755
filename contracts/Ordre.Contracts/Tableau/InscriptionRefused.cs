namespace Ordre.Contracts.Tableau;

/// <summary>A departmental council refused an inscription request, with its motives.</summary>
public sealed record InscriptionRefused(
    Guid InscriptionId,
    string Rpps,
    string Department,
    IReadOnlyList<string> Motives,
    DateOnly RefusedOn,
    DateTimeOffset OccurredAt);

/// <summary>The departmental council did not decide in time: its silence rejected the inscription (L.4112-4).</summary>
public sealed record InscriptionImplicitlyRejected(Guid InscriptionId, string Rpps, string Department, DateOnly On, DateTimeOffset OccurredAt);

/// <summary>A registration was annulled (withdrawn by the national council, or reversed on appeal).</summary>
public sealed record InscriptionAnnulled(Guid InscriptionId, string Rpps, string Reason, DateOnly On, DateTimeOffset OccurredAt);
