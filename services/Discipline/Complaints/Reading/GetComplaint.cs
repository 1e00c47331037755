using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Discipline.Complaints.Reading;

/// <summary>GET /complaints/{id}: the departmental council handling it, the national council.</summary>
public static class GetComplaintEndpoint
{
    public static async Task<Results<Ok<Complaint>, ProblemHttpResult>> Handle(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Complaint>(id, ct) is not { } complaint)
            return Problems.NotFound($"Aucune plainte {id}.");
        if (ComplaintChange.OutsideJurisdiction(complaint, user) is { } outside)
            return Problems.OutsideJurisdiction(outside);
        return ComplaintChange.Refusal(user, ComplaintChange.Handler.CouncilOrNationalCouncil) is { } refusal
            ? Problems.Forbidden(refusal)
            : TypedResults.Ok(complaint);
    }
}
