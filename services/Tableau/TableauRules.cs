using Ordre.Contracts.Calendar;
using Ordre.Contracts.Rules;

namespace Ordre.Tableau;

/// <summary>
/// Every deadline, duration and threshold the Tableau applies, as dated rows (GET /rules shows them). A decider asks
/// for the row in force on the decision's date: <c>TableauRules.Book.After(TableauRules.InscriptionAppeal, notifiedOn)</c>.
/// Sources as DOMAIN.md gives them; (A) marks a default this project chose where the text is silent, (K) a rule known
/// but not checked against the text. Dates of effect: DOMAIN.md gives none for these articles, so every row is
/// <see cref="LegalRule.DateNotChecked"/> (it applies to every date and GET /rules shows no date) until a checked date replaces it.
/// </summary>
public static class TableauRules
{
    private static readonly DateOnly Unknown = LegalRule.DateNotChecked;

    public const string InscriptionDecision = "inscription-decision";
    public const string InscriptionDecisionWithInvestigationAbroad = "inscription-decision-investigation-abroad";
    public const string InscriptionNotification = "inscription-notification";
    public const string InscriptionAppeal = "inscription-appeal";
    public const string InscriptionNationalAppeal = "inscription-national-appeal";
    public const string InscriptionRegionalDecision = "inscription-regional-decision";
    public const string InscriptionWithdrawal = "inscription-withdrawal";
    public const string IllegalInscriptionWithdrawal = "inscription-withdrawal-illegal";
    public const string MinimumAge = "minimum-age";
    public const string TransferDecision = "transfer-decision";
    public const string TransferExpertiseExtension = "transfer-expertise-extension";
    public const string ArsEmergencyMaximum = "ars-emergency-suspension-maximum";
    public const string SuspensionStartWindow = "suspension-start-window";
    public const string SuspensionMaximumPeriod = "suspension-maximum-period";
    public const string StrikingOffAhead = "striking-off-ahead";
    public const string DistinctSiteNotice = "distinct-site-notice";
    public const string DistinctSiteOpposition = "distinct-site-opposition";
    public const string LpsAnswer = "lps-answer";
    public const string LpsValidity = "lps-validity";

    public static RuleBook Book { get; } = new(
    [
        new(InscriptionDecision, "Décision du conseil départemental sur un dossier d'inscription complet (le silence vaut rejet)", 3, RuleUnit.Months, "CSP L.4112-3, L.4112-4", Unknown),
        new(InscriptionDecisionWithInvestigationAbroad, "Décision sur un dossier complet quand une enquête hors de la métropole est nécessaire (ressortissant d'un État tiers)", 6, RuleUnit.Months, "CSP L.4112-3", Unknown),
        new(InscriptionNotification, "Notification de la décision d'inscription ou de refus, par lettre recommandée", 7, RuleUnit.Days, "CSP L.4112-3", Unknown),
        new(InscriptionAppeal, "Recours devant le conseil régional contre la décision notifiée ou le rejet implicite (reporté au premier jour ouvré)", 30, RuleUnit.Days, "CSP L.4112-4", Unknown),
        new(InscriptionNationalAppeal, "Recours devant le Conseil national contre la décision du conseil régional (reporté au premier jour ouvré)", 30, RuleUnit.Days, "CSP R.4112-5", Unknown),
        new(InscriptionRegionalDecision, "Décision du conseil régional sur un recours en matière d'inscription", 2, RuleUnit.Months, "CSP R.4112-5", Unknown),
        new(InscriptionWithdrawal, "Retrait par le Conseil national d'une inscription non contestée (inexactitude matérielle, erreur manifeste), après la fin du délai de recours", 3, RuleUnit.Months, "CSP L.4112-4", Unknown),
        new(IllegalInscriptionWithdrawal, "Retrait d'une inscription illégale, après la décision", 4, RuleUnit.Months, "CSP L.4112-1, L.4112-4", Unknown),
        new(MinimumAge, "Âge minimum du demandeur d'inscription", 18, RuleUnit.Years, "(A) défaut du projet", Unknown),
        new(TransferDecision, "Décision du nouveau conseil départemental sur un transfert", 3, RuleUnit.Months, "CSP R.4112-3", Unknown),
        new(TransferExpertiseExtension, "Prolongation du délai de décision d'un transfert quand une expertise est ordonnée", 2, RuleUnit.Months, "CSP R.4112-3", Unknown),
        new(ArsEmergencyMaximum, "Durée maximale de la suspension d'urgence du directeur général de l'ARS", 5, RuleUnit.Months, "CSP L.4113-14", Unknown),
        new(SuspensionStartWindow, "Premier jour d'une suspension : au plus ce délai avant ou après la décision (borne de saisie)", 1, RuleUnit.Years, "(A) défaut du projet", Unknown),
        new(SuspensionMaximumPeriod, "Durée maximale d'une période de suspension pour état de santé ou insuffisance (renouvelable)", 5, RuleUnit.Years, "(A) défaut du projet ; CSP R.4124-3, R.4124-3-5", Unknown),
        new(StrikingOffAhead, "Radiation à la demande du médecin ou administrative : date d'effet au plus ce délai après la demande", 12, RuleUnit.Months, "(A) défaut du projet ; CSP R.4112-3", Unknown),
        new(DistinctSiteNotice, "Déclaration d'un site d'exercice distinct avant son ouverture", 2, RuleUnit.Months, "CSP R.4127-85", Unknown),
        new(DistinctSiteOpposition, "Opposition motivée du conseil départemental à un site distinct, après sa déclaration", 2, RuleUnit.Months, "CSP R.4127-85", Unknown),
        new(LpsAnswer, "Réponse du Conseil national à une déclaration complète de libre prestation de services", 1, RuleUnit.Months, "CSP R.4112-9", Unknown),
        new(LpsValidity, "Validité d'une déclaration de libre prestation de services (renouvelable)", 1, RuleUnit.Years, "(K) renouvellement annuel ; CSP R.4112-9", Unknown),
    ]);

    /// <summary>The last day of a measure lasting the rule's period from <paramref name="from"/> (its first day, counted): <see cref="RuleBook.LastDay"/>.</summary>
    public static DateOnly LastDayOf(string rule, DateOnly from) => Book.LastDay(rule, from);

    /// <summary>
    /// The last day of a period a party must meet (an appeal): the period's end, moved to the next working day when it
    /// falls on a Saturday, a Sunday or a public holiday of <paramref name="department"/> (DOMAIN.md open question 13).
    /// </summary>
    public static DateOnly PartyDeadline(string rule, DateOnly from, string department) =>
        FrenchCalendar.DeadlineOn(Book.After(rule, from), DepartmentOrParis(department));

    // A dossier's department is one of the 101 codes (checked at the request); an imported or legacy one that is not
    // falls back to the metropolitan calendar rather than failing the decision.
    private static string DepartmentOrParis(string department) => FrenchCalendar.Departments.Contains(department) ? department : "75";
}
