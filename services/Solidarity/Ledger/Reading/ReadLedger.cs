using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Queries;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Solidarity.Ledger.Reading;

/// <summary>One line of a statement: the posting, the side it is on for this account, and the account's balance after it.</summary>
public sealed record StatementLine(long Sequence, Guid TransferId, string Counterpart, decimal Debit, decimal Credit, decimal Balance, DateTimeOffset At);

/// <summary>GET /accounts, /accounts/{accountId}, /accounts/{accountId}/statement, /transfers/{id}.</summary>
public static class ReadLedgerEndpoints
{
    public const int MaxPageSize = 200;

    public static async Task<Results<Ok<Paged<AccountView>>, ValidationProblem>> ListAccounts(IQuerySession session, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        if (Paging.Invalid(page, pageSize, MaxPageSize) is { } wrong)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = wrong }, title: "Demande invalide");
        var accounts = (await session.LoadAsync<Ledger>(Ledger.SolidarityFund, ct))?.Accounts.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToList() ?? [];
        return TypedResults.Ok(new Paged<AccountView>([.. accounts.Skip((page - 1) * pageSize).Take(pageSize).Select(AccountView.Of)], page, pageSize, accounts.Count));
    }

    public static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetAccount(string accountId, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await Find(session, accountId, ct) is not { } account)
            return Problems.NotFound($"Aucun compte « {accountId} ».");
        return LedgerModule.OutsideOf(account, user) is { } refusal ? Problems.OutsideJurisdiction(refusal) : TypedResults.Ok(AccountView.Of(account));
    }

    /// <summary>The account's postings in the ledger's order, a page at a time, each with the balance after it.</summary>
    public static async Task<Results<Ok<Paged<StatementLine>>, ValidationProblem, ProblemHttpResult>> GetStatement(
        string accountId, ClaimsPrincipal user, IQuerySession session, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        if (Paging.Invalid(page, pageSize, MaxPageSize) is { } wrong)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = wrong }, title: "Demande invalide");
        if (await Find(session, accountId, ct) is not { } account)
            return Problems.NotFound($"Aucun compte « {accountId} ».");
        if (LedgerModule.OutsideOf(account, user) is { } refusal)
            return Problems.OutsideJurisdiction(refusal);
        var postings = await session.Query<Posting>().Where(p => p.Debit == accountId || p.Credit == accountId)
            .ToPageAsync(q => q.OrderBy(p => p.Id), page, pageSize, ct);
        return TypedResults.Ok(new Paged<StatementLine>([.. postings.Items.Select(p => p.Debit == accountId
                ? new StatementLine(p.Id, p.TransferId, p.Credit, p.Amount, 0m, p.DebitBalanceAfter, p.At)
                : new StatementLine(p.Id, p.TransferId, p.Debit, 0m, p.Amount, p.CreditBalanceAfter, p.At))],
            postings.Page, postings.PageSize, postings.Total));
    }

    public static async Task<Results<Ok<TransferView>, ProblemHttpResult>> GetTransfer(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Transfer>(id, ct) is { } transfer
            ? TypedResults.Ok(TransferView.Of(transfer))
            : Problems.NotFound($"Aucun virement {id}.");

    public static async Task<Account?> Find(IQuerySession session, string accountId, CancellationToken ct) =>
        (await session.LoadAsync<Ledger>(Ledger.SolidarityFund, ct))?.Accounts.GetValueOrDefault(accountId);
}
