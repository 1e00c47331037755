namespace Ordre.Tableau.Inscriptions.Requesting;

/// <summary>A departmental council registered an inscription request for a doctor.</summary>
public sealed record InscriptionRequested(
    Guid InscriptionId,
    string Rpps,
    string Department,
    string LastName,
    string FirstName,
    DateOnly BirthDate,
    Diploma Diploma,
    string Specialty,
    DateOnly RequestedOn,
    string RequestedBy) : IChanges<Inscription>;
