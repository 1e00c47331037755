using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Queries;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Conventions.Dossiers.Reviewing;

/// <summary>GET /review: the national council's queue of dossiers, oldest deadline first, filtered and paged.</summary>
public static class ReviewQueueEndpoint
{
    public const int MaxPageSize = 100;

    public static async Task<Results<Ok<Paged<Dossier>>, ValidationProblem>> Handle(
        HttpContext http, IQuerySession session, CancellationToken ct, Regime? regime = null, ConventionCategory? category = null,
        [MaxText(TextLimits.Code)] string? company = null, DossierStatus? status = null, int page = 1, int pageSize = 20)
    {
        if (Paging.Invalid(page, pageSize, MaxPageSize) is { } invalid)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = invalid }, title: "Pagination invalide");
        if (company is { Length: > TextLimits.Code })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["company"] = [$"{TextLimits.Code} caractères au plus."] }, title: "Filtre invalide");
        var query = session.Query<Dossier>().AsQueryable();
        if (regime is { } wantedRegime)
            query = query.Where(d => d.Regime == wantedRegime);
        if (category is { } wantedCategory)
            query = query.Where(d => d.Category == wantedCategory);
        if (!string.IsNullOrWhiteSpace(company))
        {
            var wantedCompany = company.Trim();
            query = query.Where(d => d.CompanyId == wantedCompany);
        }
        if (status is { } wantedStatus)
            query = query.Where(d => d.Status == wantedStatus);
        // The dossiers the clock will act on first come first; those it no longer acts on (decided, closed: no deadline) come
        // last (PostgreSQL sorts nulls last in ascending order).
        var found = await query.ToPageAsync(q => q.OrderBy(d => d.NextDeadline).ThenBy(d => d.ReceivedOn).ThenBy(d => d.Id),
            page, pageSize, ct);
        AuditSetup.Name(http, found.Items.Select(d => d.Id.ToString()));
        return TypedResults.Ok(found);
    }
}
