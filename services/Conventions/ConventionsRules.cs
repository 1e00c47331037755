using Ordre.Contracts.Calendar;
using Ordre.Contracts.Rules;
using Ordre.Conventions.Dossiers;

namespace Ordre.Conventions;

/// <summary>
/// IDAHE's deadlines and thresholds as dated rows (docs/conventions.md), and the rules computed from them: the regime of
/// a convention's benefits, the latest day to send a declaration, the months to decide an authorisation. Pure: dates
/// in, dates out; the caller reads its clock.
/// </summary>
public static class ConventionsRules
{
    /// <summary>The reform of ordonnance 2017-49, décret 2020-730 and the arrêté of 7 August 2020: declaration or authorisation.</summary>
    public static readonly DateOnly Reform = new(2020, 10, 1);

    private const string Arrete = "arrêté du 7 août 2020 (JORFTEXT000042234024)";

    public const string DeclarationNotice = "declaration-notice";
    public const string AuthorisationDecision = "authorisation-decision";
    public const string IncompletenessNotice = "incompleteness-notice";
    public const string AmendedConvention = "amended-convention";
    public const string AmendedDecision = "amended-decision";
    public const string UrgentDecision = "urgent-authorisation-decision";
    public const string UrgentAmendedDecision = "urgent-amended-decision";

    /// <summary>The threshold row's name for a nature of benefit and a kind of beneficiary, e.g. <c>threshold-remuneration-doctor</c>.</summary>
    public static string ThresholdName(BenefitNature nature, BeneficiaryKind beneficiary) =>
        $"threshold-{Kebab(nature.ToString())}-{Kebab(beneficiary.ToString())}";

    public static RuleBook Book { get; } = new(
    [
        new(DeclarationNotice, "Envoi de la convention déclarée, au moins avant l'avantage", 8, RuleUnit.JoursOuvrables, "CSP R.1453-15", Reform),
        new(AuthorisationDecision, "Décision sur une demande d'autorisation, à compter de sa réception (le silence vaut autorisation)", 2, RuleUnit.Months, "CSP L.1453-8, R.1453-18", Reform),
        new(IncompletenessNotice, "Signalement d'un dossier incomplet, à compter de sa réception (les deux mois courent de nouveau à réception des pièces)", 1, RuleUnit.Months, "CSP R.1453-18", Reform),
        new(AmendedConvention, "Envoi d'une convention modifiée après un refus, à compter du refus", 15, RuleUnit.Days, "CSP R.1453-18", Reform),
        new(AmendedDecision, "Nouvelle décision sur la convention modifiée, à compter de sa réception (le silence vaut autorisation)", 15, RuleUnit.Days, "CSP R.1453-18", Reform),
        new(UrgentDecision, "Décision sur une demande d'autorisation urgente (3 semaines), à compter de sa réception", 21, RuleUnit.Days, "CSP R.1453-18", Reform),
        new(UrgentAmendedDecision, "Nouvelle décision sur une convention modifiée urgente (1 semaine)", 7, RuleUnit.Days, "CSP R.1453-18", Reform),
        .. Threshold(BenefitNature.Remuneration, BeneficiaryKind.Doctor, 2_000, "rémunération, indemnisation ou défraiement (recherche, évaluation, conseil, prestation, promotion) d'un professionnel de santé"),
        .. Threshold(BenefitNature.Remuneration, BeneficiaryKind.Student, 800, "rémunération ou indemnisation d'un étudiant"),
        .. Threshold(BenefitNature.Remuneration, BeneficiaryKind.Association, 2_000, "rémunération ou indemnisation d'une association"),
        .. Threshold(BenefitNature.Hospitality, BeneficiaryKind.Doctor, 2_000, "hospitalité lors d'une manifestation, transport compris, d'un professionnel de santé"),
        .. Threshold(BenefitNature.Hospitality, BeneficiaryKind.Student, 2_000, "hospitalité lors d'une manifestation, transport compris, d'un étudiant (valeur par défaut, à vérifier sur l'arrêté)"),
        .. Threshold(BenefitNature.Hospitality, BeneficiaryKind.Association, 2_000, "hospitalité lors d'une manifestation, transport compris, d'une association (valeur par défaut, à vérifier sur l'arrêté)"),
        .. Threshold(BenefitNature.TrainingFunding, BeneficiaryKind.Doctor, 1_000, "financement d'une formation ou d'un DPC d'un professionnel de santé"),
        .. Threshold(BenefitNature.TrainingFunding, BeneficiaryKind.Student, 1_000, "financement d'une formation d'un étudiant (valeur par défaut, l'arrêté n'en fixe pas)"),
        .. Threshold(BenefitNature.TrainingFunding, BeneficiaryKind.Association, 1_000, "financement d'une formation par une association (valeur par défaut, l'arrêté n'en fixe pas)"),
        .. Threshold(BenefitNature.ResearchGift, BeneficiaryKind.Doctor, 5_000, "don destiné à la recherche, à un professionnel de santé"),
        .. Threshold(BenefitNature.ResearchGift, BeneficiaryKind.Student, 1_000, "don destiné à la recherche, à un étudiant"),
        .. Threshold(BenefitNature.ResearchGift, BeneficiaryKind.Association, 8_000, "don destiné à la recherche, à une association"),
    ]);

    private static LegalRule[] Threshold(BenefitNature nature, BeneficiaryKind beneficiary, int euros, string what) =>
        [new(ThresholdName(nature, beneficiary), $"Seuil d'autorisation par convention, sur toute sa période : {what}", euros, RuleUnit.Euros, Arrete, Reform)];

    /// <summary>
    /// The regime of each nature of benefit of a convention: the amounts of one nature are added over the whole period the
    /// convention covers and compared with the threshold in force on <paramref name="on"/>; above it, authorisation,
    /// otherwise declaration (arrêté of 7 August 2020). Never chosen by the company.
    /// </summary>
    public static Regime RegimeOf(BenefitNature nature, BeneficiaryKind beneficiary, decimal total, DateOnly on) =>
        total > Book.Value(ThresholdName(nature, beneficiary), on) ? Regime.Authorisation : Regime.Declaration;

    /// <summary>
    /// The convention's benefits split by regime (DOMAIN §10.5: a dossier mixing both is split, one part per regime, each
    /// on its own path); a regime with no benefit has no part. Declaration first.
    /// </summary>
    public static IReadOnlyList<(Regime Regime, IReadOnlyList<Benefit> Benefits)> Split(BeneficiaryKind beneficiary, IReadOnlyList<Benefit> benefits, DateOnly on)
    {
        var regimeOfNature = benefits.GroupBy(b => b.Nature)
            .ToDictionary(g => g.Key, g => RegimeOf(g.Key, beneficiary, g.Sum(b => b.Amount), on));
        return benefits.GroupBy(b => regimeOfNature[b.Nature])
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<Benefit>)g.ToList()))
            .ToList();
    }

    /// <summary>
    /// The latest day a declaration may be sent: the 8th jour ouvrable before the benefit (R.1453-15, counted back in
    /// the beneficiary's department, docs/calendar.md), with the rule in force on the day of receipt <paramref name="on"/>.
    /// Sent after that day, it is accepted and flagged late.
    /// </summary>
    public static DateOnly LatestDeclarationDay(DateOnly benefitOn, string department, DateOnly on) =>
        FrenchCalendar.AddJoursOuvrables(benefitOn, -Book.Value(DeclarationNotice, on), department);

    /// <summary>
    /// The last day the Ordre may decide on an authorisation received (or completed) on <paramref name="receivedOn"/>: 2
    /// months, 3 weeks when urgent (until the urgency is rejected); after it, silence means authorised.
    /// </summary>
    public static DateOnly DecisionDueOn(DateOnly receivedOn, bool urgent = false) => Book.After(urgent ? UrgentDecision : AuthorisationDecision, receivedOn);

    /// <summary>The last day to decide again on an amended convention received on <paramref name="receivedOn"/>: 15 days, 1 week when urgent.</summary>
    public static DateOnly AmendedDecisionDueOn(DateOnly receivedOn, bool urgent = false) => Book.After(urgent ? UrgentAmendedDecision : AmendedDecision, receivedOn);

    /// <summary>The last day the company may send an amended convention after a refusal on <paramref name="refusedOn"/>.</summary>
    public static DateOnly AmendedConventionDueOn(DateOnly refusedOn) => Book.After(AmendedConvention, refusedOn);

    /// <summary>The last day to tell the company its authorisation request is incomplete: 1 month, and never after the last day to decide.</summary>
    public static DateOnly IncompletenessNoticeDueOn(DateOnly receivedOn, bool urgent = false)
    {
        var noticeDueOn = Book.After(IncompletenessNotice, receivedOn);
        var decisionDueOn = DecisionDueOn(receivedOn, urgent);
        return noticeDueOn < decisionDueOn ? noticeDueOn : decisionDueOn;
    }

    /// <summary>The department whose calendar counts jours ouvrables: the beneficiary's if the Tableau knows it, else metropolitan Paris.</summary>
    public static string CalendarDepartment(string? department) =>
        department is { Length: > 0 } known && FrenchCalendar.Departments.Contains(known) ? known : "75";

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
