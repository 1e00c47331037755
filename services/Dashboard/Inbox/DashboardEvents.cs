using Ordre.Contracts.Conventions;
using Ordre.Contracts.Discipline;
using Ordre.Contracts.Solidarity;
using Ordre.Contracts.Tableau;

namespace Ordre.Dashboard.Inbox;

/// <summary>
/// The integration events the dashboard keeps (docs/dashboard.md): every one the Tableau, Discipline, Conventions and
/// Solidarity publish. Each is stored as it arrives, in its own one-event stream whose id is the MassTransit message id.
/// </summary>
public static class DashboardEvents
{
    public static IReadOnlyList<Type> Types { get; } =
    [
        // Tableau (DOMAIN.md §2.5)
        typeof(PractitionerRegistered), typeof(InscriptionRefused), typeof(InscriptionImplicitlyRejected), typeof(InscriptionAnnulled),
        typeof(PractitionerStatusChanged), typeof(PractitionerSuspended), typeof(PractitionerStruckOff), typeof(PractitionerDeceased),
        typeof(PractitionerTransferred), typeof(LpsDeclarationRecorded), typeof(TableauHeadcountCounted),
        // Discipline
        typeof(SanctionEnforceable), typeof(SanctionEnded), typeof(EmergencySuspensionLapsed), typeof(JurisprudenceFichePublished),
        typeof(ComplaintLodged), typeof(ConciliationEnded), typeof(DisciplinaryCaseOpened), typeof(DisciplinaryCaseJudged),
        // Conventions (IDAHE)
        typeof(ConventionDossierSubmitted), typeof(ConventionDossiersSubmitted), typeof(ConventionDossierDecided),
        typeof(ConventionAuthorisationDeemedGranted),
        // Solidarity
        typeof(AidRequested), typeof(AidRuled), typeof(AidPaidOut), typeof(HelplineCallsRecorded),
        typeof(LedgerAccountOpened), typeof(LedgerTransferPosted), typeof(LedgerTransferReserved), typeof(LedgerTransferVoided),
        typeof(DonationToTheFundPledged), typeof(FinancingRequestFiled), typeof(FinancingRequestRuled),
        typeof(LoanGranted), typeof(LoanRepaymentRecorded), typeof(LoanFellIntoArrears),
    ];
}
