using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Access;
using Ordre.ServiceDefaults.Queries;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Solidarity.Entraide.Reading;

/// <summary>GET /aid-requests/{id} (audited) and GET /aid-requests (paged, never with details).</summary>
public static class ReadAidRequestsEndpoints
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// The case's handlers (its assigned members, the doctor's departmental council) read it with its details; the
    /// national council without them; anyone else 404, as for an unknown id. Every call is in the audit trail.
    /// </summary>
    public static async Task<Results<Ok<AidRequestView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<AidRequest>(id, ct) is not { } request || !EntraideAccess.Knows(request, user))
            return Problems.NotFound($"Aucune demande d'aide {id}.");
        return TypedResults.Ok(AidRequestView.Of(request, withDetails: EntraideAccess.SeesDetails(request, user)));
    }

    /// <summary>The national council every request; a departmental council its department's; a commission member the cases assigned to it. No details.</summary>
    public static async Task<Results<Ok<Paged<AidRequestView>>, ValidationProblem>> List(ClaimsPrincipal user, IQuerySession session, CancellationToken ct,
        string? status = null, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (Paging.Invalid(page, pageSize, MaxPageSize) is { } wrong)
            errors["page"] = wrong;
        AidStatus? wanted = status switch
        {
            null => null, "received" => AidStatus.Received, "assessed" => AidStatus.Assessed, "granted" => AidStatus.Granted,
            "refused" => AidStatus.Refused, "paid" => AidStatus.Paid, _ => AidStatus.Received,
        };
        if (status is not (null or "received" or "assessed" or "granted" or "refused" or "paid"))
            errors["status"] = ["Statut : received, assessed, granted, refused ou paid."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Demande invalide");
        var query = session.Query<AidRequest>().AsQueryable();
        if (!user.IsInRole(Roles.NationalCouncil))
        {
            var department = user.IsInRole(Roles.DepartmentalCouncil) ? user.FindFirst(OrdreClaims.Department)?.Value : null;
            var member = user.IsInRole(Roles.EntraideCommission) ? user.Actor() : null;
            query = department is not null ? query.Where(r => r.Department == department)
                : member is not null ? query.Where(r => r.Members.Contains(member))
                : query.Where(r => r.Id == Guid.Empty);
        }
        if (wanted is { } s)
            query = query.Where(r => r.Status == s);
        var requests = await query.ToPageAsync(q => q.OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id), page, pageSize, ct);
        return TypedResults.Ok(new Paged<AidRequestView>([.. requests.Items.Select(r => AidRequestView.Of(r))], requests.Page, requests.PageSize, requests.Total));
    }
}
