using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Queries;
using Ordre.Solidarity.Ledger;
using Ordre.Solidarity.Ledger.Reading;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Solidarity.Loans.Reading;

/// <summary>GET /loans (national council, paged, optionally only those in arrears) and GET /loans/{id} (the borrowing council, the national council).</summary>
public static class ReadLoansEndpoints
{
    public const int MaxPageSize = 200;

    public static async Task<Results<Ok<Paged<LoanView>>, ValidationProblem>> List(IQuerySession session, CancellationToken ct,
        bool? inArrears = null, int page = 1, int pageSize = 50)
    {
        if (Paging.Invalid(page, pageSize, MaxPageSize) is { } wrong)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = wrong }, title: "Demande invalide");
        var query = session.Query<Loan>().AsQueryable();
        if (inArrears is { } flag)
            query = query.Where(l => l.InArrears == flag);
        var loans = await query.ToPageAsync(q => q.OrderBy(l => l.OpenedOn).ThenBy(l => l.Id), page, pageSize, ct);
        return TypedResults.Ok(new Paged<LoanView>([.. loans.Items.Select(LoanView.Of)], loans.Page, loans.PageSize, loans.Total));
    }

    public static async Task<Results<Ok<LoanView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Loan>(id, ct) is not { } loan)
            return Problems.NotFound($"Aucun prêt {id}.");
        // A council that is not the borrower is told nothing of the loan (404, as for an unknown id).
        if (!user.IsInRole(Ordre.Contracts.Access.Roles.NationalCouncil)
            && (await ReadLedgerEndpoints.Find(session, loan.Borrower, ct) is not { } account || LedgerModule.OutsideOf(account, user) is not null))
            return Problems.NotFound($"Aucun prêt {id}.");
        return TypedResults.Ok(LoanView.Of(loan));
    }
}
