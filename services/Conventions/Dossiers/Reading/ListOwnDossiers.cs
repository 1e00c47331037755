using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Queries;

namespace Ordre.Conventions.Dossiers.Reading;

/// <summary>GET /dossiers: the company follows its own dossiers (the token's company, never another's), newest first, paged.</summary>
public static class ListOwnDossiersEndpoint
{
    public static async Task<Results<Ok<Paged<Dossier>>, ValidationProblem>> Handle(
        ClaimsPrincipal user, HttpContext http, IQuerySession session, CancellationToken ct, DossierStatus? status = null, int page = 1, int pageSize = 20)
    {
        if (Paging.Invalid(page, pageSize, 100) is { } invalid)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = invalid }, title: "Pagination invalide");
        var company = DossierChange.CompanyOf(user) ?? "";
        var query = session.Query<Dossier>().Where(d => d.CompanyId == company);
        if (status is { } wanted)
            query = query.Where(d => d.Status == wanted);
        var found = await query.ToPageAsync(q => q.OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id), page, pageSize, ct);
        AuditSetup.Name(http, found.Items.Select(d => d.Id.ToString()));
        return TypedResults.Ok(found with { Items = [.. found.Items.Select(d => d.ForCompany())] });
    }
}
