namespace Ordre.Tableau.Register.Registering;

/// <summary>A granted inscription put the doctor on the department's Tableau (first registration).</summary>
public sealed record RegisteredOnTableau(
    Guid PractitionerId, string Rpps, string Department, string LastName, string FirstName, string Specialty,
    DateOnly RegisteredOn, Guid InscriptionId) : IChanges<Practitioner>;

/// <summary>A doctor struck off for an administrative reason was granted a new inscription.</summary>
public sealed record Reregistered(Guid PractitionerId, string Rpps, string Department, DateOnly RegisteredOn, Guid InscriptionId) : IChanges<Practitioner>;
