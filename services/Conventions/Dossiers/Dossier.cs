using Ordre.Conventions.Dossiers.Amending;
using Ordre.Conventions.Dossiers.Beneficiaries;
using Ordre.Conventions.Dossiers.Clock;
using Ordre.Conventions.Dossiers.Deciding;
using Ordre.Conventions.Dossiers.NotifyingIncompleteness;
using Ordre.Conventions.Dossiers.ReceivingDocuments;
using Ordre.Conventions.Dossiers.Recommending;
using Ordre.Conventions.Dossiers.Submitting;
using Ordre.Conventions.Dossiers.Urgency;

namespace Ordre.Conventions.Dossiers;

/// <summary>Declaration (below the thresholds) or authorisation (above): computed from the amounts, never chosen.</summary>
public enum Regime { Declaration, Authorisation }

/// <summary>The five categories of the CNOM's counts (DOMAIN §4.2).</summary>
public enum ConventionCategory { Hospitality, Fees, Studies, Miscellaneous, Simplified }

/// <summary>A doctor (RPPS), a medical student (INE) or an association of them (R.1453-15: the CNOM's share).</summary>
public enum BeneficiaryKind { Doctor, Student, Association }

/// <summary>The natures of benefit the arrêté of 7 August 2020 sets a threshold for.</summary>
public enum BenefitNature { Remuneration, Hospitality, TrainingFunding, ResearchGift }

public enum DossierStatus
{
    /// <summary>A declaration received; the Ordre may issue a recommendation until the benefit date.</summary>
    Declared,
    /// <summary>A declaration past its benefit date.</summary>
    Closed,
    /// <summary>An authorisation request the Ordre has to decide (the clock runs).</summary>
    UnderReview,
    /// <summary>Declared incomplete: the clock waits for the missing documents.</summary>
    AwaitingDocuments,
    Authorised,
    /// <summary>Silence: the time to decide ran out (L.1453-8).</summary>
    DeemedAuthorised,
    Refused,
}

/// <param name="Kind">A doctor, a student or an association.</param>
/// <param name="Rpps">A doctor's RPPS (11 digits and its key).</param>
/// <param name="Ine">A student's national student number.</param>
/// <param name="Name">An association's name (optional for a doctor or a student).</param>
public sealed record Beneficiary(BeneficiaryKind Kind, string? Rpps, string? Ine, string? Name);

/// <summary>One benefit of the convention: its nature, what it is, and its amount in euros (TTC, cents).</summary>
public sealed record Benefit(BenefitNature Nature, string Description, decimal Amount);

/// <summary>
/// One regime's part of a convention a company submitted: a declaration closed at the benefit date, or an authorisation
/// request decided within 2 months (silence means authorised). A submission mixing both regimes gives two dossiers,
/// each naming the other (<see cref="LinkedDossierId"/>). Only the state and how each event changes it.
/// </summary>
public sealed record Dossier(
    Guid Id, string CompanyId, string Reference, Regime Regime, ConventionCategory Category, Beneficiary Beneficiary,
    string Purpose, IReadOnlyList<Benefit> Benefits, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly BenefitOn,
    DateOnly ReceivedOn, DossierStatus Status)
{
    public Guid? LinkedDossierId { get; init; }
    /// <summary>
    /// The department whose calendar counted the jours ouvrables (the beneficiary's as the Tableau knows it, else 75).
    /// Shown to the national council only: a company learns nothing of the Tableau but yes/no (<see cref="ForCompany"/>).
    /// </summary>
    public string? CalendarDepartment { get; init; } = "75";
    /// <summary>What the company learns of the Tableau's answer: registered and allowed to practise, yes or no (null: not a doctor).</summary>
    public bool? BeneficiaryRegisteredAndPractising { get; init; }
    /// <summary>A declaration: the latest day to send it (8 jours ouvrables before the benefit).</summary>
    public DateOnly? LatestSendingOn { get; init; }
    /// <summary>A declaration sent after <see cref="LatestSendingOn"/>: accepted and flagged.</summary>
    public bool Late { get; init; }
    public string? Recommendation { get; init; }
    /// <summary>An authorisation: the last day to decide; null while documents are awaited or once decided.</summary>
    public DateOnly? DecisionDueOn { get; init; }
    /// <summary>An authorisation: the last day to declare it incomplete.</summary>
    public DateOnly? IncompletenessNoticeDueOn { get; init; }
    public IReadOnlyList<string> MissingDocuments { get; init; } = [];
    public bool NotifiedIncomplete { get; init; }
    public string? RefusalReasons { get; init; }
    /// <summary>After a refusal: the last day to send an amended convention (null when none may be sent any more).</summary>
    public DateOnly? AmendmentDueOn { get; init; }
    /// <summary>The convention was amended after a refusal (once).</summary>
    public bool Amended { get; init; }
    /// <summary>An urgent authorisation request (3 weeks, then 1 week), unless <see cref="UrgencyRejected"/>.</summary>
    public bool Urgent { get; init; }
    public bool UrgencyRejected { get; init; }
    public string? UrgencyRejectionReasons { get; init; }
    /// <summary>The day the current time to decide started: receipt, receipt of the missing documents, or of the amended convention.</summary>
    public DateOnly ClockStartedOn { get; init; } = ReceivedOn;
    public DateOnly? DecidedOn { get; init; }

    public decimal Total => Benefits.Sum(b => b.Amount);

    /// <summary>The dossier as its company reads it: without what the Tableau said beyond "registered and practising".</summary>
    public Dossier ForCompany() => this with { CalendarDepartment = null };

    /// <summary>The next day the clock acts: a declaration closes on its benefit date; silence authorises the day after the last day to decide.</summary>
    public DateOnly? NextDeadline => Status switch
    {
        DossierStatus.Declared => BenefitOn,
        DossierStatus.UnderReview => DecisionDueOn?.AddDays(1),
        _ => null,
    };

    public static Dossier Create(DossierSubmitted e) => new(
        e.DossierId, e.CompanyId, e.Reference, e.Regime, e.Category, e.Beneficiary, e.Purpose, e.Benefits, e.PeriodFrom, e.PeriodTo,
        e.BenefitOn, e.ReceivedOn, e.Regime == Regime.Declaration ? DossierStatus.Declared : DossierStatus.UnderReview)
    {
        LinkedDossierId = e.LinkedDossierId, CalendarDepartment = e.CalendarDepartment, LatestSendingOn = e.LatestSendingOn, Late = e.Late,
        DecisionDueOn = e.DecisionDueOn, IncompletenessNoticeDueOn = e.IncompletenessNoticeDueOn, Urgent = e.Urgent, ClockStartedOn = e.ReceivedOn,
    };

    public Dossier Apply(BeneficiaryChecked e) => this with { BeneficiaryRegisteredAndPractising = e.RegisteredAndPractising };
    public Dossier Apply(RecommendationIssued e) => this with { Recommendation = e.Recommendation };
    public Dossier Apply(DossierIncompleteNotified e) => this with
    {
        Status = DossierStatus.AwaitingDocuments, MissingDocuments = e.Missing, NotifiedIncomplete = true, DecisionDueOn = null,
    };
    public Dossier Apply(MissingDocumentsReceived e) => this with { Status = DossierStatus.UnderReview, DecisionDueOn = e.DecisionDueOn, ClockStartedOn = e.On };
    public Dossier Apply(UrgencyRejected e) => this with { UrgencyRejected = true, UrgencyRejectionReasons = e.Reasons, DecisionDueOn = e.DecisionDueOn };
    public Dossier Apply(AmendedConventionSubmitted e) => this with
    {
        Status = DossierStatus.UnderReview, Purpose = e.Purpose, Benefits = e.Benefits, Amended = true, AmendmentDueOn = null,
        DecisionDueOn = e.DecisionDueOn, ClockStartedOn = e.On, DecidedOn = null,
    };
    public Dossier Apply(AuthorisationGranted e) => this with { Status = DossierStatus.Authorised, DecidedOn = e.On, DecisionDueOn = null };
    public Dossier Apply(AuthorisationRefused e) => this with
    {
        Status = DossierStatus.Refused, DecidedOn = e.On, RefusalReasons = e.Reasons, DecisionDueOn = null, AmendmentDueOn = e.AmendmentDueOn,
    };
    public Dossier Apply(AuthorisationDeemedGranted e) => this with { Status = DossierStatus.DeemedAuthorised, DecidedOn = e.On, DecisionDueOn = null };
    public Dossier Apply(DossierClosed e) => this with { Status = DossierStatus.Closed };
}
