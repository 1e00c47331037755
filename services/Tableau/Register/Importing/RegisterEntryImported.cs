namespace Ordre.Tableau.Register.Importing;

/// <summary>
/// An entry of the existing register taken over as it stands (migration from the legacy register, or
/// the demo register): the whole current state in one event. Not a new registration, so nothing is published.
/// </summary>
public sealed record RegisterEntryImported(
    Guid PractitionerId,
    string Rpps,
    string Department,
    string LastName,
    string FirstName,
    string Specialty,
    DateOnly RegisteredOn,
    ActivityStatus Activity,
    ProfessionalAddress? Address,
    IReadOnlyList<string> Qualifications,
    string Source) : IChanges<Practitioner>;
