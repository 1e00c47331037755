namespace Ordre.Tableau.Inscriptions.Deciding;

/// <summary>
/// The council granted the inscription: the doctor is on the department's Tableau from
/// <paramref name="GrantedOn"/>. Carries the identity so readers need no other event.
/// </summary>
public sealed record InscriptionGranted(
    Guid InscriptionId,
    string Rpps,
    string Department,
    string LastName,
    string FirstName,
    string Specialty,
    DateOnly GrantedOn,
    string DecidedBy) : IChanges<Inscription>;

/// <summary>
/// The council refused the inscription, with its motives (a refusal must give reasons) and, for
/// incompetence established by expertise, the training the applicant must complete before applying again.
/// </summary>
public sealed record InscriptionRefused(
    Guid InscriptionId,
    string Rpps,
    string Department,
    IReadOnlyList<string> Motives,
    DateOnly RefusedOn,
    string DecidedBy,
    IReadOnlyList<string>? TrainingObligations = null) : IChanges<Inscription>;
