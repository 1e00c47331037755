using Ordre.Tableau.Inscriptions.Deciding;
using Ordre.Tableau.Inscriptions.Requesting;

namespace Ordre.Tableau.Inscriptions;

public enum InscriptionStatus { Requested, Granted, Refused }

/// <summary>A diploma as the applicant declares it.</summary>
public sealed record Diploma(string Title, string IssuedBy, DateOnly IssuedOn);

/// <summary>
/// An inscription dossier: one stream per request, registered by the departmental council of the
/// doctor's professional residence. Kept as an inline snapshot so a council reads it at once.
/// </summary>
public sealed record Inscription(
    Guid Id,
    string Rpps,
    string Department,
    string LastName,
    string FirstName,
    DateOnly BirthDate,
    Diploma Diploma,
    string Specialty,
    DateOnly RequestedOn,
    InscriptionStatus Status,
    DateOnly? DecidedOn,
    IReadOnlyList<string> RefusalMotives)
{
    public static Inscription Create(InscriptionRequested e) => new(
        e.InscriptionId, e.Rpps, e.Department, e.LastName, e.FirstName, e.BirthDate, e.Diploma, e.Specialty,
        e.RequestedOn, InscriptionStatus.Requested, null, []);

    public Inscription Apply(InscriptionGranted e) =>
        this with { Status = InscriptionStatus.Granted, DecidedOn = e.GrantedOn };

    public Inscription Apply(InscriptionRefused e) =>
        this with { Status = InscriptionStatus.Refused, DecidedOn = e.RefusedOn, RefusalMotives = e.Motives };
}
