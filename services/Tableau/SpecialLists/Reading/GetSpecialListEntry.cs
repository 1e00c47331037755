using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.SpecialLists.Reading;

public static class GetSpecialListEntryEndpoint
{
    /// <summary>A junior doctor's entry is read within the jurisdiction of its department; the list of doctors practising abroad is national.</summary>
    public static async Task<Results<Ok<SpecialListEntry>, ProblemHttpResult>> Handle(
        SpecialList list, string rpps, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (!Rpps.IsValid(rpps) || await session.LoadAsync<SpecialListEntry>(SpecialListEntry.IdOf(list, rpps), ct) is not { } entry)
            return Problems.NotFound($"Le RPPS {rpps} n'est pas sur cette liste.");
        return entry.Department is { } department && !user.HasJurisdictionOver(department)
            ? Problems.OutsideJurisdiction(Jurisdiction.OutsideJurisdiction(department))
            : TypedResults.Ok(entry);
    }
}
