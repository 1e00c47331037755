using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Discipline.CaseLaw.Reading;

/// <summary>GET /case-law/{reference}: anyone reads a sheet by its public reference.</summary>
public static class GetCaseLawSheetEndpoint
{
    public static async Task<Results<Ok<PublicCaseLawSheet>, ProblemHttpResult>> Handle(string reference, IQuerySession session, CancellationToken ct) =>
        CaseLawReference.IsWellFormed(reference) && await session.Query<CaseLawSheet>().FirstOrDefaultAsync(s => s.Reference == reference, ct) is { } sheet
            ? TypedResults.Ok(PublicCaseLawSheet.Of(sheet))
            : Problems.NotFound("Aucune fiche sous cette référence.");
}
