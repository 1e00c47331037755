using MassTransit;
using Ordre.Contracts.Conventions;
using Ordre.Contracts.Discipline;
using Ordre.Contracts.Solidarity;
using Ordre.Contracts.Tableau;

namespace Ordre.Dashboard.Inbox;

/// <summary>
/// The dashboard's one consumer (queue <c>dashboard-record-integration-events</c>): every integration event of
/// <see cref="DashboardEvents"/> goes to <see cref="EventInbox.KeepAsync{T}"/>, which appends it to the dashboard's event
/// store. Nothing here reads or updates a figure, so consumers running side by side never contend.
/// </summary>
public sealed class RecordIntegrationEvents(EventInbox inbox) :
    IConsumer<PractitionerRegistered>,
    IConsumer<InscriptionRefused>,
    IConsumer<InscriptionImplicitlyRejected>,
    IConsumer<InscriptionAnnulled>,
    IConsumer<PractitionerStatusChanged>,
    IConsumer<PractitionerSuspended>,
    IConsumer<PractitionerStruckOff>,
    IConsumer<PractitionerDeceased>,
    IConsumer<PractitionerTransferred>,
    IConsumer<LpsDeclarationRecorded>,
    IConsumer<TableauHeadcountCounted>,
    IConsumer<SanctionEnforceable>,
    IConsumer<SanctionEnded>,
    IConsumer<EmergencySuspensionLapsed>,
    IConsumer<JurisprudenceFichePublished>,
    IConsumer<ComplaintLodged>,
    IConsumer<ConciliationEnded>,
    IConsumer<DisciplinaryCaseOpened>,
    IConsumer<DisciplinaryCaseJudged>,
    IConsumer<ConventionDossierSubmitted>,
    IConsumer<ConventionDossiersSubmitted>,
    IConsumer<ConventionDossierDecided>,
    IConsumer<ConventionAuthorisationDeemedGranted>,
    IConsumer<AidRequested>,
    IConsumer<AidRuled>,
    IConsumer<AidPaidOut>,
    IConsumer<HelplineCallsRecorded>,
    IConsumer<LedgerAccountOpened>,
    IConsumer<LedgerTransferPosted>,
    IConsumer<LedgerTransferReserved>,
    IConsumer<LedgerTransferVoided>,
    IConsumer<DonationToTheFundPledged>,
    IConsumer<FinancingRequestFiled>,
    IConsumer<FinancingRequestRuled>,
    IConsumer<LoanGranted>,
    IConsumer<LoanRepaymentRecorded>,
    IConsumer<LoanFellIntoArrears>
{
    public Task Consume(ConsumeContext<PractitionerRegistered> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<InscriptionRefused> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<InscriptionImplicitlyRejected> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<InscriptionAnnulled> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<PractitionerStatusChanged> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<PractitionerSuspended> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<PractitionerStruckOff> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<PractitionerDeceased> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<PractitionerTransferred> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<TableauHeadcountCounted> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<LpsDeclarationRecorded> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<SanctionEnforceable> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<SanctionEnded> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<EmergencySuspensionLapsed> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<JurisprudenceFichePublished> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<ComplaintLodged> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<ConciliationEnded> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<DisciplinaryCaseOpened> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<DisciplinaryCaseJudged> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<ConventionDossierSubmitted> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<ConventionDossiersSubmitted> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<ConventionDossierDecided> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<ConventionAuthorisationDeemedGranted> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<AidRequested> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<AidRuled> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<AidPaidOut> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<HelplineCallsRecorded> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<LedgerAccountOpened> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<LedgerTransferPosted> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<LedgerTransferReserved> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<LedgerTransferVoided> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<DonationToTheFundPledged> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<FinancingRequestFiled> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<FinancingRequestRuled> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<LoanGranted> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<LoanRepaymentRecorded> context) => inbox.KeepAsync(context);
    public Task Consume(ConsumeContext<LoanFellIntoArrears> context) => inbox.KeepAsync(context);
}
