namespace Ordre.Tableau.Inscriptions;

/// <summary>
/// One RPPS has at most one open or granted inscription. The claim is inserted with the request and
/// released by a refusal, in the same transaction as the events; its primary key settles races.
/// </summary>
public sealed record RppsClaim(string Id, Guid InscriptionId);
