using Marten;
using Ordre.Contracts.Solidarity;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Solidarity.Loans.Arrears;
using Ordre.Solidarity.Loans.Reading;
using Ordre.Solidarity.Loans.Repaying;

namespace Ordre.Solidarity.Loans;

public static class LoansModule
{
    public static StoreOptions AddLoans(this StoreOptions options)
    {
        options.AddAggregateStream<Loan>();
        options.Schema.For<Loan>().Index(l => l.NextDeadline).Index(l => l.InArrears);
        return options;
    }

    public static IServiceCollection AddLoans(this IServiceCollection services) =>
        services.AddSingleton<LoanArrears>().AddHostedService(sp => sp.GetRequiredService<LoanArrears>());

    /// <summary>Amounts and counts only.</summary>
    public static IntegrationEventMap PublishLoanEvents(this IntegrationEventMap map) => map
        .Map<LoanOpened>((e, committed) => new LoanGranted(e.LoanId, e.Source == LoanSource.Financing ? "financing" : "entraide", e.Principal, e.Schedule.Count, committed.Timestamp))
        .Map<LoanRepaymentReceived>((e, committed) => new LoanRepaymentRecorded(e.LoanId, e.Amount, e.OutstandingAfter, committed.Timestamp))
        .Map<LoanInArrears>((e, committed) => new LoanFellIntoArrears(e.LoanId, e.Installment, e.Overdue, committed.Timestamp));

    public static IEndpointRouteBuilder MapLoans(this IEndpointRouteBuilder app)
    {
        var loans = app.MapGroup("/loans").WithTags("Prêts")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        loans.MapGet("/", ReadLoansEndpoints.List).RequireAuthorization(OrdrePolicies.NationalCouncil).WithName("ListLoans")
            .WithSummary("Lister les prêts (prêts relais, prêts d'honneur de l'entraide), par page ; en retard seulement au besoin")
            .WithDescription("Conseil national. Montants, échéancier et retards ; aucune donnée personnelle.");
        loans.MapGet("/{id:guid}", ReadLoansEndpoints.Get).RequireAuthorization(SolidarityPolicies.LedgerAccountReaders).WithName("GetLoan")
            .WithSummary("Lire un prêt : capital, remboursé, restant dû, échéancier, retard")
            .WithDescription("Le conseil emprunteur, le Conseil national (404 pour un autre conseil).").ProducesProblem(StatusCodes.Status404NotFound);
        loans.MapPost("/{id:guid}/repayments", RepayLoanEndpoint.Handle).RequireAuthorization(OrdrePolicies.NationalCouncil).WithName("RepayLoan")
            .WithSummary("Enregistrer un remboursement : le compte emprunteur est débité, le fonds prêteur crédité ; seul un remboursement réduit la créance")
            .WithDescription("Conseil national. L'identifiant du remboursement est choisi par l'appelant (nouvelle tentative sans effet). " +
                "Au plus le restant dû (409) ; le dernier euro solde le prêt.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
