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
    public const string EntraideGrantCeiling = "entraide-grant-ceiling";
    public const string EntraideLoanCeiling = "entraide-loan-ceiling";
    public const string CdomOpinion = "entraide-cdom-opinion";
    public const string EntraideRetention = "entraide-retention";
    public const string HarmonisationMembers = "harmonisation-commission-members";

    public static RuleBook Book { get; } = new(
    [
        new(BridgeLoanTerm, "Durée de remboursement d'un prêt relais à un conseil, en échéances mensuelles à compter du versement", 12, RuleUnit.Months, Assumed, LegalRule.DateNotChecked),
        new(EntraideLoanTerm, "Durée de remboursement d'un prêt d'honneur de l'entraide, en échéances mensuelles à compter du versement", 36, RuleUnit.Months, Assumed, LegalRule.DateNotChecked),
        new(EntraideGrantCeiling, "Plafond d'une aide de l'entraide accordée en subvention (par décision de la commission nationale)", 20_000, RuleUnit.Euros, Assumed, LegalRule.DateNotChecked),
        new(EntraideLoanCeiling, "Plafond d'un prêt d'honneur de l'entraide (par décision de la commission nationale)", 30_000, RuleUnit.Euros, Assumed, LegalRule.DateNotChecked),
        new(CdomOpinion, "Avis de la commission départementale d'entraide sur une demande, à compter de sa réception (au-delà, la commission nationale statue sans lui)", 1, RuleUnit.Months,
            "(A) valeur par défaut du projet ; le circuit CDOM puis commission nationale suit S3/S4 (DOMAIN §5.2)", LegalRule.DateNotChecked),
        new(EntraideRetention, "Conservation d'un dossier d'entraide après sa clôture", 10, RuleUnit.Years, "(A) DOMAIN §10.8, sous réserve de l'avis du DPO", LegalRule.DateNotChecked),
        new(HarmonisationMembers, "Membres de la commission d'harmonisation des charges", 6, RuleUnit.Members, "Rapport d'activité CNOM 2020 (S4, DOMAIN §5.1)", CommissionCreated),
        new(ArrearsGrace, "Retard de paiement constaté quand une échéance reste impayée ce nombre de jours après son terme", 15, RuleUnit.Days, Assumed, LegalRule.DateNotChecked),
    ]);
}
