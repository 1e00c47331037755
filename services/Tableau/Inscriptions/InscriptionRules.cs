namespace Ordre.Tableau.Inscriptions;

/// <summary>The deadlines of an inscription (DOMAIN.md §2.2), as rule data.</summary>
public static class InscriptionRules
{
    /// <summary>L.4112-3: the council decides within 3 months of a complete dossier…</summary>
    public const int DecisionMonths = 3;
    /// <summary>…6 months when an investigation outside metropolitan France is needed.</summary>
    public const int DecisionMonthsWithInvestigationAbroad = 6;
    /// <summary>L.4112-4, R.4112-5: 30 days to appeal, to the regional council then to the national council.</summary>
    public const int AppealDays = 30;
    /// <summary>L.4112-4: the national council may withdraw an unappealed registration within 3 months after the appeal deadline.</summary>
    public const int WithdrawalMonthsAfterAppealDeadline = 3;

    public static DateOnly DecisionDue(DateOnly completedOn, bool investigationAbroad) =>
        completedOn.AddMonths(investigationAbroad ? DecisionMonthsWithInvestigationAbroad : DecisionMonths);
}
