using Ordre.Contracts.Rules;

namespace Ordre.Solidarity;

/// <summary>
/// Solidarity's durations and ceilings as dated rows (docs/solidarity.md, served by GET /rules). DOMAIN §5 sets no legal
/// ceiling or term: the entraide amounts are "commission data" (DOMAIN §10.7) and the loans' terms are the commission's
/// choice; every row marked "(A)" is a default of this project for the commissions to replace by a new dated row.
/// </summary>
public static class SolidarityRules
{
    /// <summary>The commission de solidarité financière was created in 2020 (DOMAIN §5.1, S4).</summary>
    public static readonly DateOnly CommissionCreated = new(2020, 1, 1);

    private const string Assumed = "(A) valeur par défaut du projet, à fixer par la commission (DOMAIN §10.7)";

    public const string BridgeLoanTerm = "bridge-loan-term";
    public const string EntraideLoanTerm = "entraide-loan-term";
    public const string ArrearsGrace = "loan-arrears-grace";

    public static RuleBook Book { get; } = new(
    [
        new(BridgeLoanTerm, "Durée de remboursement d'un prêt relais à un conseil, en échéances mensuelles à compter du versement", 12, RuleUnit.Months, Assumed, LegalRule.DateNotChecked),
        new(EntraideLoanTerm, "Durée de remboursement d'un prêt d'honneur de l'entraide, en échéances mensuelles à compter du versement", 36, RuleUnit.Months, Assumed, LegalRule.DateNotChecked),
        new(ArrearsGrace, "Retard de paiement constaté quand une échéance reste impayée ce nombre de jours après son terme", 15, RuleUnit.Days, Assumed, LegalRule.DateNotChecked),
    ]);
}
