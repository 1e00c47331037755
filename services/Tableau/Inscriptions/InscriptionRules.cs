namespace Ordre.Tableau.Inscriptions;

/// <summary>The deadlines of an inscription (DOMAIN.md §2.2): rows of <see cref="TableauRules"/>, in force on the day counted from.</summary>
public static class InscriptionRules
{
    /// <summary>L.4112-3: the council decides within 3 months of a complete dossier, 6 when an investigation outside metropolitan France is needed.</summary>
    public static DateOnly DecisionDue(DateOnly completedOn, bool investigationAbroad) =>
        TableauRules.Book.After(investigationAbroad ? TableauRules.InscriptionDecisionWithInvestigationAbroad : TableauRules.InscriptionDecision, completedOn);

    /// <summary>L.4112-4: the last day to appeal to the regional council, 30 days after the notification or the implicit rejection, moved off non-working days.</summary>
    public static DateOnly AppealDeadline(DateOnly from, string department) =>
        TableauRules.PartyDeadline(TableauRules.InscriptionAppeal, from, department);

    /// <summary>R.4112-5: the last day to appeal the regional decision to the national council, moved off non-working days.</summary>
    public static DateOnly NationalAppealDeadline(DateOnly regionalDecision, string department) =>
        TableauRules.PartyDeadline(TableauRules.InscriptionNationalAppeal, regionalDecision, department);

    /// <summary>L.4112-4: the national council may withdraw an unappealed registration until 3 months after the appeal deadline.</summary>
    public static DateOnly WithdrawalLastDay(DateOnly appealDeadline) => TableauRules.Book.After(TableauRules.InscriptionWithdrawal, appealDeadline);
}
