using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Queries;

namespace Ordre.Conventions.Dossiers.Reading;

/// <summary>
/// One page of the company's dossiers. <paramref name="Total"/> is exact when <paramref name="TotalIsExact"/>; a large company's
/// dossiers are counted only up to <see cref="ListOwnDossiersEndpoint.CountedExactly"/> (or to the page asked, if deeper):
/// beyond, <paramref name="Total"/> is that bound and <paramref name="TotalIsExact"/> false, « plus de … ».
/// <paramref name="HasMore"/> says whether a next page exists, always exactly.
/// </summary>
public sealed record DossierPage(IReadOnlyList<Dossier> Items, int Page, int PageSize, long Total, bool TotalIsExact, bool HasMore);

/// <summary>
/// GET /dossiers: the company follows its own dossiers (the token's company, never another's), newest first, paged. The page is
/// read from the (company, day of receipt, id) index; the count stops at <see cref="CountedExactly"/> dossiers (or at the
/// page asked, if deeper): counting all of a large company's 1.6 million dossiers scanned them, 7 s per page read
/// (docs/benchmarks.md), where a company reading its list wants the newest ones and whether there are more.
/// </summary>
public static class ListOwnDossiersEndpoint
{
    /// <summary>Up to this many dossiers matching the filters, the total is exact: 200 pages of 50, read from the index in milliseconds.</summary>
    public const int CountedExactly = 10_000;

    public static async Task<Results<Ok<DossierPage>, ValidationProblem>> Handle(
        ClaimsPrincipal user, HttpContext http, IQuerySession session, CancellationToken ct, DossierStatus? status = null, int page = 1, int pageSize = 20)
    {
        if (Paging.Invalid(page, pageSize, 100) is { } invalid)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = invalid }, title: "Pagination invalide");
        var company = DossierChange.CompanyOf(user) ?? "";
        var query = session.Query<Dossier>().Where(d => d.CompanyId == company);
        if (status is { } wanted)
            query = query.Where(d => d.Status == wanted);
        var found = await PageAsync(query, page, pageSize, CountedExactly, ct);
        AuditSetup.Name(http, found.Items.Select(d => d.Id.ToString()));
        return TypedResults.Ok(found with { Items = [.. found.Items.Select(d => d.ForCompany())] });
    }

    /// <summary>
    /// One page of <paramref name="query"/>, newest first, counted up to <paramref name="countedExactly"/> matches or one past
    /// the page, whichever is further: exact below, « more than » beyond.
    /// </summary>
    public static async Task<DossierPage> PageAsync(IQueryable<Dossier> query, int page, int pageSize, int countedExactly, CancellationToken ct)
    {
        var skipped = (page - 1) * pageSize;
        var bound = Math.Max(countedExactly, skipped + pageSize);
        var counted = (await query.Select(d => d.Id).Take(bound + 1).ToListAsync(ct)).Count;
        var items = await query.OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id).Skip(skipped).Take(pageSize).ToListAsync(ct);
        return new DossierPage(items, page, pageSize, Math.Min(counted, bound), counted <= bound, counted > skipped + pageSize);
    }
}
