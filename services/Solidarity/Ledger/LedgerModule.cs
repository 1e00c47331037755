using System.Security.Claims;
using Marten;
using Ordre.Contracts.Access;
using Ordre.Contracts.Solidarity;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Solidarity.Donations;
using Ordre.Solidarity.Donations.Pledging;
using Ordre.Solidarity.Donations.Receiving;
using Ordre.Solidarity.Financing;
using Ordre.Solidarity.Financing.Deciding;
using Ordre.Solidarity.Financing.Disbursing;
using Ordre.Solidarity.Financing.Examining;
using Ordre.Solidarity.Financing.Reading;
using Ordre.Solidarity.Financing.Submitting;
using Ordre.Solidarity.Ledger.Checking;
using Ordre.Solidarity.Ledger.OpeningAccount;
using Ordre.Solidarity.Ledger.PostingPending;
using Ordre.Solidarity.Ledger.Reading;
using Ordre.Solidarity.Ledger.Transferring;
using Ordre.Solidarity.Ledger.Voiding;

namespace Ordre.Solidarity.Ledger;

public static class LedgerModule
{
    public static StoreOptions AddLedger(this StoreOptions options)
    {
        options.AddAggregateStream<Ledger>();
        options.AddAggregateStream<FinancingRequest>();
        options.AddAggregateStream<Donation>();
        options.Schema.For<Posting>().Index(p => p.Debit).Index(p => p.Credit);
        options.Schema.For<Transfer>();
        return options;
    }

    public static IServiceCollection AddLedger(this IServiceCollection services) =>
        services.AddSingleton<LedgerChange>().AddHostedService<TransfersOutOfTheLedger>().AddAccountJurisdiction();

    /// <summary>Amounts and counts only: no account holder, no memo.</summary>
    public static void PublishLedgerEvents(IntegrationEventMap map) => map
        .Map<AccountOpened>((e, committed) => new LedgerAccountOpened(e.AccountId, AccountView.KindName(e.Kind), committed.Timestamp))
        .Map<TransferRecorded>((e, committed) => e.Pending
            ? new LedgerTransferReserved(e.TransferId, e.Legs.Count, e.Legs.Sum(l => l.Amount), committed.Timestamp)
            : new LedgerTransferPosted(e.TransferId, e.Legs.Count, e.Legs.Sum(l => l.Amount), false, committed.Timestamp))
        .Map<PendingTransferPosted>((e, committed) => new LedgerTransferPosted(e.TransferId, e.Amounts.Count, e.Amounts.Sum(), true, committed.Timestamp))
        .Map<PendingTransferVoided>((e, committed) => new LedgerTransferVoided(e.TransferId, e.Amount, committed.Timestamp))
        .Map<DonationPledged>((e, committed) => new DonationToTheFundPledged(e.DonationId, e.Amount, committed.Timestamp))
        .Map<FinancingRequestSubmitted>((e, committed) => new FinancingRequestFiled(e.RequestId, e.Amount, e.Commission, committed.Timestamp))
        .Map<FinancingRequestDecided>((e, committed) => new FinancingRequestRuled(e.RequestId, e.Decision switch
        {
            FinancingDecision.Rejected => "rejected",
            FinancingDecision.Granted => "granted",
            _ => "bridge-loan",
        }, e.Amount ?? 0m, committed.Timestamp));

    /// <summary>
    /// Who may read an account: the national council every one; a departmental council the account of its department;
    /// a regional council the accounts of its region and of its departments; a fund's account only the national council.
    /// </summary>
    public static string? OutsideOf(Account account, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.NationalCouncil))
            return null;
        if (account.Department is { } department)
            return user.HasJurisdictionOver(department) ? null : Jurisdiction.OutsideJurisdiction(department);
        if (account.Region is { } region)
            return user.IsInRole(Roles.RegionalCouncil) && user.FindFirst(OrdreClaims.Region)?.Value == region
                ? null
                : $"Ce compte est celui du conseil régional {region}, hors du ressort de l'appelant.";
        return $"Le compte « {account.Id} » est un fonds national : seul le Conseil national le consulte.";
    }

    private const string AccountRecord = "ledger-account";

    private static IServiceCollection AddAccountJurisdiction(this IServiceCollection services) =>
        services.AddRecordJurisdiction(AccountRecord, async (http, user) =>
            http.GetRouteValue("accountId") is string id
            && await ReadLedgerEndpoints.Find(http.RequestServices.GetRequiredService<IQuerySession>(), id, http.RequestAborted) is { } account
                ? OutsideOf(account, user)
                : null);

    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/accounts").WithTags("Grand livre de solidarité")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        accounts.MapPost("/", OpenAccountEndpoint.Handle).RequireAuthorization(OrdrePolicies.NationalCouncil).WithName("OpenLedgerAccount")
            .WithSummary("Ouvrir un compte : un fonds, ou le compte d'un conseil (départemental ou régional)")
            .WithDescription("Conseil national. Rouvrir un compte avec les mêmes champs répond le compte ; avec un autre champ, 409 le nommant.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapGet("/", ReadLedgerEndpoints.ListAccounts).RequireAuthorization(OrdrePolicies.NationalCouncil).WithName("ListLedgerAccounts")
            .WithSummary("Lister les comptes et leurs soldes, par page").WithDescription("Conseil national.");
        accounts.MapGet("/{accountId}", ReadLedgerEndpoints.GetAccount).RequireAuthorization(SolidarityPolicies.LedgerAccountReaders)
            .RequireJurisdiction(AccountRecord).WithName("GetLedgerAccount").Audited("ledger-account")
            .WithSummary("Lire un compte : solde, réservations").WithDescription("Le conseil titulaire du compte, le Conseil national.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapGet("/{accountId}/statement", ReadLedgerEndpoints.GetStatement).RequireAuthorization(SolidarityPolicies.LedgerAccountReaders)
            .RequireJurisdiction(AccountRecord).WithName("GetLedgerStatement").Audited("ledger-account")
            .WithSummary("Relevé d'un compte, par page, avec le solde après chaque écriture").WithDescription("Le conseil titulaire du compte, le Conseil national.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var transfers = app.MapGroup("/transfers").WithTags("Grand livre de solidarité").RequireAuthorization(OrdrePolicies.NationalCouncil)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        transfers.MapPost("/", MakeTransferEndpoint.Handle).WithName("MakeLedgerTransfer")
            .WithSummary("Passer un virement : une ou plusieurs écritures équilibrées, toutes ou aucune ; en attente (réservation) au besoin")
            .WithDescription("Conseil national. L'identifiant est choisi par l'appelant : une nouvelle tentative identique répond le premier résultat, " +
                "un autre champ sous le même identifiant est refusé (409, champ nommé). Un fonds ne peut jamais être négatif (409, compte nommé).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        transfers.MapGet("/{id:guid}", ReadLedgerEndpoints.GetTransfer).WithName("GetLedgerTransfer").WithSummary("Lire un virement").WithDescription("Conseil national.");
        transfers.MapPost("/{id:guid}/post", PostPendingTransferEndpoint.Handle).WithName("PostPendingLedgerTransfer")
            .WithSummary("Passer un virement en attente, en tout ou en partie (une seule fois)").WithDescription("Conseil national.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        transfers.MapPost("/{id:guid}/void", VoidPendingTransferEndpoint.Handle).WithName("VoidPendingLedgerTransfer")
            .WithSummary("Annuler un virement en attente : la réservation est libérée (une seule fois)").WithDescription("Conseil national.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var requests = app.MapGroup("/financing-requests").WithTags("Commission de solidarité financière")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/", SubmitFinancingRequestEndpoint.Handle).RequireAuthorization(SolidarityPolicies.LedgerAccountReaders).WithName("SubmitFinancingRequest")
            .WithSummary("Déposer une demande de financement auprès du fonds de solidarité")
            .WithDescription("Le conseil demandeur (son propre compte), ou le Conseil national.");
        requests.MapGet("/{id:guid}", GetFinancingRequestEndpoint.Handle).RequireAuthorization(SolidarityPolicies.LedgerAccountReaders)
            .WithName("GetFinancingRequest").WithSummary("Lire une demande de financement").WithDescription("Le conseil demandeur, le Conseil national.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var commission = requests.MapGroup("/{id:guid}").RequireAuthorization(OrdrePolicies.NationalCouncil).ProducesProblem(StatusCodes.Status404NotFound);
        commission.MapPost("/examination", ExamineFinancingRequestEndpoint.Handle).WithName("ExamineFinancingRequest")
            .WithSummary("Examiner la demande (commission)").WithDescription("Conseil national.");
        commission.MapPost("/decision", DecideFinancingRequestEndpoint.Handle).WithName("DecideFinancingRequest")
            .WithSummary("Statuer : rejet, subvention ou prêt relais (après l'examen, une fois)").WithDescription("Conseil national.");
        commission.MapPost("/disbursement", DisburseFinancingEndpoint.Handle).WithName("DisburseFinancing")
            .WithSummary("Verser le montant accordé depuis un fonds, par le grand livre (seulement après une décision favorable, une fois)")
            .WithDescription("Conseil national. Un fonds ne peut jamais être négatif (409, fonds nommé).");

        var donations = app.MapGroup("/donations").WithTags("Commission de solidarité financière")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        donations.MapPost("/", PledgeDonationEndpoint.Handle).RequireAuthorization(SolidarityPolicies.LedgerAccountReaders).WithName("PledgeDonation")
            .WithSummary("Promettre un don au fonds de solidarité").WithDescription("Le conseil donateur (son propre compte), ou le Conseil national.");
        donations.MapGet("/{id:guid}", ReceiveDonationEndpoint.Get).RequireAuthorization(OrdrePolicies.NationalCouncil).WithName("GetDonation")
            .WithSummary("Lire un don").WithDescription("Conseil national.").ProducesProblem(StatusCodes.Status404NotFound);
        donations.MapPost("/{id:guid}/receipt", ReceiveDonationEndpoint.Handle).RequireAuthorization(OrdrePolicies.NationalCouncil).WithName("ReceiveDonation")
            .WithSummary("Constater la réception d'un don : le compte du conseil est débité, le fonds crédité (une fois)")
            .WithDescription("Conseil national.").ProducesProblem(StatusCodes.Status404NotFound);

        var ledger = app.MapGroup("/ledger").WithTags("Grand livre de solidarité").RequireAuthorization(OrdrePolicies.NationalCouncil)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        ledger.MapGet("/balance", CheckLedgerEndpoints.Balance).WithName("CheckLedgerBalance")
            .WithSummary("Balance générale : total des débits = total des crédits, au centime ; aucun fonds négatif").WithDescription("Conseil national.");
        ledger.MapGet("/verify", CheckLedgerEndpoints.Verify).WithName("VerifyLedger")
            .WithSummary("Vérifier le registre : recalculer les soldes depuis les écritures et contrôler la chaîne d'empreintes").WithDescription("Conseil national.");
        return app;
    }
}
