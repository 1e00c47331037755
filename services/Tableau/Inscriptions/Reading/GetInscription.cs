using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.Inscriptions.Reading;

public static class GetInscriptionEndpoint
{
    public static async Task<Results<Ok<Inscription>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var inscription = await session.LoadAsync<Inscription>(id, ct);
        if (inscription is null)
            return Problems.NotFound($"Aucun dossier d'inscription {id}.");
        // Regional councils read the dossiers of their region they may hear on appeal, the national council all,
        // a departmental council its own.
        if (InscriptionChange.OutsideJurisdiction(inscription, user) is { } outside)
            return Problems.OutsideJurisdiction(outside);

        var state = await session.Events.FetchStreamStateAsync(id, ct);
        http.Response.Headers.ETag = ETags.Format(state?.Version ?? 1);
        return TypedResults.Ok(inscription);
    }
}
