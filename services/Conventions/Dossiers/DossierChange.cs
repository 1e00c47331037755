using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Access;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Conventions.Dossiers;

public sealed record DossierChanged(Guid Id, Regime Regime, DossierStatus Status, DateOnly? DecisionDueOn, long Version);

/// <summary>The write path every act on a dossier shares: load, check the caller may see it (else 404), decide, append.</summary>
public static class DossierChange
{
    public static async Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> Apply(
        Guid id, ClaimsPrincipal user, IDocumentSession session, Func<Dossier, Outcome> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Dossier>(id, ct);
        if (stream.Aggregate is not { } dossier || !MaySee(dossier, user))
            return NotFound(id);
        return await StreamChange.DecideAndAppend(stream, dossier, session, decide,
            (after, version) => new DossierChanged(id, after.Regime, after.Status, after.DecisionDueOn, version), ct);
    }

    /// <summary>
    /// The company that submitted the dossier and the national council see it; to anyone else it does not exist (404, the
    /// same answer as for an unknown id, so that a company learns nothing of another's dossiers).
    /// </summary>
    public static bool MaySee(Dossier dossier, ClaimsPrincipal user) =>
        user.IsInRole(Roles.NationalCouncil) || (user.IsInRole(Roles.Company) && CompanyOf(user) == dossier.CompanyId);

    /// <summary>The company the token names (never the body).</summary>
    public static string? CompanyOf(ClaimsPrincipal user) => user.FindFirst(OrdreClaims.CompanyId)?.Value is { Length: > 0 } id ? id : null;

    public static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"Aucun dossier {id}.");
}
