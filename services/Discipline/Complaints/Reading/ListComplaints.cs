using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Queries;
using Ordre.Contracts.Access;

namespace Ordre.Discipline.Complaints.Reading;

public static class ListComplaintsEndpoint
{
    /// <summary>The complaints a council handles (the national council: all), newest first.</summary>
    public static async Task<Results<Ok<Paged<Complaint>>, ValidationProblem>> Handle(
        ClaimsPrincipal user, HttpContext http, IQuerySession session, CancellationToken ct, ComplaintStatus? status = null, int page = 1, int pageSize = 20)
    {
        if (Paging.Invalid(page, pageSize, 100) is { } invalid)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = invalid }, title: "Pagination invalide");
        var query = session.Query<Complaint>().AsQueryable();
        if (!user.IsInRole(Roles.NationalCouncil))
        {
            var department = user.FindFirst(OrdreClaims.Department)?.Value ?? "";
            query = query.Where(c => c.ReferredTo == department || (c.ReferredTo == null && c.Department == department));
        }
        if (status is { } wanted)
            query = query.Where(c => c.Status == wanted);
        var found = await query.ToPageAsync(q => q.OrderByDescending(c => c.RegisteredOn).ThenBy(c => c.Id), page, pageSize, ct);
        AuditSetup.Name(http, found.Items.Select(c => c.Id.ToString()));
        return TypedResults.Ok(found);
    }
}
