using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Conventions.Companies.Reading;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Queries;

namespace Ordre.Conventions.Companies.Reviewing;

/// <summary>GET /companies: the national council's list of account requests, oldest first, by status, paged.</summary>
public static class ListCompanyAccountsEndpoint
{
    public const int MaxPageSize = 100;

    public static async Task<Results<Ok<Paged<CompanyAccount>>, ValidationProblem>> Handle(
        HttpContext http, IQuerySession session, CancellationToken ct, CompanyAccountStatus? status = null, int page = 1, int pageSize = 20)
    {
        if (Paging.Invalid(page, pageSize, MaxPageSize) is { } invalid)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = invalid }, title: "Pagination invalide");
        var query = session.Query<Company>().AsQueryable();
        if (status is { } wanted)
            query = query.Where(c => c.Status == wanted);
        var found = await query.ToPageAsync(q => q.OrderBy(c => c.RequestedOn).ThenBy(c => c.Id), page, pageSize, ct);
        AuditSetup.Name(http, found.Items.Select(c => c.Id.ToString()));
        return TypedResults.Ok(new Paged<CompanyAccount>([.. found.Items.Select(CompanyAccount.Of)], found.Page, found.PageSize, found.Total));
    }
}
