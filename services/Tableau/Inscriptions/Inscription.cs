using Ordre.ServiceDefaults.Requests;
using Ordre.Tableau.Inscriptions.Appealing;
using Ordre.Tableau.Inscriptions.Deadlines;
using Ordre.Tableau.Inscriptions.Deciding;
using Ordre.Tableau.Inscriptions.Instructing;
using Ordre.Tableau.Inscriptions.Notifying;
using Ordre.Tableau.Inscriptions.Requesting;
using Ordre.Tableau.Inscriptions.Training;
using Ordre.Tableau.Inscriptions.Withdrawing;

namespace Ordre.Tableau.Inscriptions;

/// <summary>Where a dossier stands (DOMAIN.md §2.2).</summary>
public enum InscriptionStatus { Incomplete, Complete, Granted, Refused, ImplicitlyRejected, Withdrawn }

public enum ExpertiseState { None, Requested, Reported }

/// <summary>A diploma as the applicant declares it.</summary>
public sealed record Diploma([property: MaxText(TextLimits.Line)] string Title, [property: MaxText(TextLimits.Line)] string IssuedBy, DateOnly IssuedOn);

public sealed record Appeal(AppealLevel Level, Appellant Appellant, DateOnly LodgedOn, AppealOutcome? Outcome, DateOnly? DecidedOn)
{
    /// <summary>Regional: the council decides within 2 months of the appeal (R.4112-5), or its silence rejects it.</summary>
    public DateOnly? DecisionDueOn { get; init; }

    /// <summary>True when the appeal body's silence rejected it (no decision within its time).</summary>
    public bool Implicit { get; init; }
}

/// <summary>
/// An inscription dossier: one stream per request, registered by the departmental council of the
/// doctor's professional residence, instructed, decided (or rejected by the council's silence),
/// notified, possibly appealed. Kept as an inline snapshot so councils read it at once.
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
    public IReadOnlyList<string> MissingDocuments { get; init; } = [];
    public DateOnly? CompletedOn { get; init; }
    /// <summary>The council must decide by this day (3 months after completion, 6 with an investigation abroad).</summary>
    public DateOnly? DecisionDueOn { get; init; }
    public bool InvestigationAbroad { get; init; }
    public string? Rapporteur { get; init; }
    public ExpertiseState Expertise { get; init; }
    /// <summary>The day the expertise was requested: the decision clock stops from that day until the report (R.4112-2).</summary>
    public DateOnly? ExpertiseRequestedOn { get; init; }
    public string? ExpertConclusion { get; init; }
    public IReadOnlyList<string> TrainingObligations { get; init; } = [];
    /// <summary>The day the council recorded the training obligations of a refusal met (R.4112-2).</summary>
    public DateOnly? TrainingObligationsMetOn { get; init; }

    /// <summary>What a refusal still requires before a new application is admissible (R.4112-2).</summary>
    public IReadOnlyList<string> UnmetTrainingObligations =>
        Status == InscriptionStatus.Refused && TrainingObligationsMetOn is null ? TrainingObligations : [];
    public DateOnly? NotifiedOn { get; init; }
    /// <summary>Last day to appeal the current decision (30 days after notification or implicit rejection).</summary>
    public DateOnly? AppealDeadline { get; init; }
    public IReadOnlyList<Appeal> Appeals { get; init; } = [];

    public bool IsDecided => Status is InscriptionStatus.Granted or InscriptionStatus.Refused or InscriptionStatus.ImplicitlyRejected;

    /// <summary>
    /// When the clock acts on this dossier: the council's silence becomes an implicit rejection. None while an expertise
    /// is pending: the council may not decide then (R.4112-2), so its silence is no rejection.
    /// </summary>
    public DateOnly? NextDeadline => new[]
        {
            Status == InscriptionStatus.Complete && Expertise != ExpertiseState.Requested ? DecisionDueOn?.AddDays(1) : null,
            PendingRegionalAppeal?.DecisionDueOn?.AddDays(1),
        }.Min();

    /// <summary>The appeal before the regional council, while it has not ruled.</summary>
    public Appeal? PendingRegionalAppeal => Appeals.FirstOrDefault(a => a.Level == AppealLevel.Regional && a.Outcome is null);

    public static Inscription Create(InscriptionRequested e) => new(
        e.InscriptionId, e.Rpps, e.Department, e.LastName, e.FirstName, e.BirthDate, e.Diploma, e.Specialty,
        e.RequestedOn, InscriptionStatus.Incomplete, null, []);

    public Inscription Apply(DocumentsRequested e) =>
        this with { Status = InscriptionStatus.Incomplete, MissingDocuments = e.Missing, DecisionDueOn = null };

    public Inscription Apply(DossierCompleted e) => this with
    {
        Status = InscriptionStatus.Complete, MissingDocuments = [], CompletedOn = e.On, DecisionDueOn = e.DecisionDueOn,
        InvestigationAbroad = e.InvestigationAbroad,
    };

    public Inscription Apply(RapporteurAppointed e) => this with { Rapporteur = e.Rapporteur };

    public Inscription Apply(ExpertiseRequested e) => this with { Expertise = ExpertiseState.Requested, ExpertiseRequestedOn = e.On };

    /// <summary>The clock resumes with the days it had left: the due date moves by the days the expertise lasted.</summary>
    public Inscription Apply(ExpertReportReceived e) => this with
    {
        Expertise = ExpertiseState.Reported, ExpertConclusion = e.Conclusion,
        DecisionDueOn = DecisionDueOn is { } due && ExpertiseRequestedOn is { } stopped && e.On > stopped
            ? due.AddDays(e.On.DayNumber - stopped.DayNumber)
            : DecisionDueOn,
    };

    /// <summary>
    /// A first decision waits for its notification to open the appeal window; a grant on appeal (the regional council
    /// reversing a refusal) keeps the window its appeal decision opened: the national council may still appeal it (L.4112-4).
    /// </summary>
    public Inscription Apply(InscriptionGranted e) => Status == InscriptionStatus.Complete
        ? this with { Status = InscriptionStatus.Granted, DecidedOn = e.GrantedOn, NotifiedOn = null, AppealDeadline = null }
        : this with { Status = InscriptionStatus.Granted, DecidedOn = e.GrantedOn };

    public Inscription Apply(InscriptionRefused e) => this with
    {
        Status = InscriptionStatus.Refused, DecidedOn = e.RefusedOn, RefusalMotives = e.Motives,
        TrainingObligations = e.TrainingObligations ?? [], NotifiedOn = null, AppealDeadline = null,
    };

    public Inscription Apply(InscriptionImplicitlyRejected e) => this with
    {
        Status = InscriptionStatus.ImplicitlyRejected, DecidedOn = e.On, AppealDeadline = InscriptionRules.AppealDeadline(e.On, Department),
    };

    public Inscription Apply(DecisionNotified e) => this with { NotifiedOn = e.On, AppealDeadline = e.AppealDeadline };

    public Inscription Apply(AppealLodged e) => this with
    {
        Appeals = [.. Appeals, new Appeal(e.Level, e.Appellant, e.LodgedOn, null, null)
        {
            DecisionDueOn = e.Level == AppealLevel.Regional ? TableauRules.Book.After(TableauRules.InscriptionRegionalDecision, e.LodgedOn) : null,
        }],
    };

    /// <summary>The regional council's silence confirmed the contested decision; the national appeal opens from that day.</summary>
    public Inscription Apply(AppealImplicitlyRejected e) => this with
    {
        Appeals = [.. Appeals.Select(a => a.Level == e.Level && a.Outcome is null ? a with { Outcome = AppealOutcome.Confirmed, DecidedOn = e.On, Implicit = true } : a)],
        AppealDeadline = InscriptionRules.NationalAppealDeadline(e.On, Department),
    };

    public Inscription Apply(AppealDecided e) => this with
    {
        Appeals = [.. Appeals.Select(a => a.Level == e.Level && a.Outcome is null ? a with { Outcome = e.Outcome, DecidedOn = e.DecidedOn } : a)],
        AppealDeadline = e.Level == AppealLevel.Regional ? InscriptionRules.NationalAppealDeadline(e.DecidedOn, Department) : null,
    };

    public Inscription Apply(TrainingObligationFulfilled e) => this with { TrainingObligationsMetOn = e.On };

    public Inscription Apply(InscriptionAnnulled e) => this with { Status = InscriptionStatus.Withdrawn, DecidedOn = e.On };
}
