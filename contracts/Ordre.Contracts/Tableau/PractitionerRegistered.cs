namespace Ordre.Contracts.Tableau;

/// <summary>
/// A departmental council granted an inscription: the doctor is now on the Tableau of that department.
/// Published once per granted inscription; the message id is the id of the domain event that caused it.
/// </summary>
public sealed record PractitionerRegistered(
    Guid InscriptionId,
    string Rpps,
    string Department,
    string LastName,
    string FirstName,
    string Specialty,
    DateOnly RegisteredOn,
    DateTimeOffset OccurredAt);
