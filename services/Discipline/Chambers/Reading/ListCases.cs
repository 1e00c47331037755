using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Queries;
using Ordre.Contracts.Access;

namespace Ordre.Discipline.Chambers.Reading;

public static class ListCasesEndpoint
{
    /// <summary>The cases a caller may see, newest first: its own region's for a first-instance chamber, all for the national bodies.</summary>
    public static async Task<Results<Ok<Paged<ChamberCase>>, ValidationProblem>> Handle(
        ClaimsPrincipal user, HttpContext http, IQuerySession session, CancellationToken ct, CaseStatus? status = null, int page = 1, int pageSize = 20)
    {
        if (Paging.Invalid(page, pageSize, 100) is { } invalid)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = invalid }, title: "Pagination invalide");
        var query = session.Query<ChamberCase>().AsQueryable();
        if (!user.IsInRole(CaseChange.National) && !user.IsInRole(Roles.NationalCouncil))
        {
            var region = user.FindFirst(OrdreClaims.Region)?.Value ?? "";
            var departments = RegionCode.DepartmentsOf(region);
            query = query.Where(c => c.MovedToRegion == region || (c.MovedToRegion == null && departments.Contains(c.Department)));
        }
        if (status is { } wanted)
            query = query.Where(c => c.Status == wanted);
        var found = await query.ToPageAsync(q => q.OrderByDescending(c => c.RegisteredOn).ThenBy(c => c.Id), page, pageSize, ct);
        AuditSetup.Name(http, found.Items.Select(c => c.Id.ToString()));
        return TypedResults.Ok(found);
    }
}
