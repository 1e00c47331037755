using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;
using Ordre.Contracts.Access;

namespace Ordre.Discipline.Chambers;

public sealed record CaseChanged(Guid Id, CaseStatus Status, long Version);

/// <summary>The write path every chamber act shares: check the chamber, load the case, check its region, decide, append.</summary>
public static class CaseChange
{
    public const string FirstInstance = Roles.FirstInstanceChamber;
    public const string National = Roles.NationalChamber;

    public static async Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Apply(
        Guid id, ClaimsPrincipal user, string chamberRole, IDocumentSession session, Func<ChamberCase, Outcome> decide, CancellationToken ct)
    {
        if (!user.IsInRole(chamberRole))
            return Problems.Forbidden(chamberRole == National
                ? "Cet acte relève de la chambre disciplinaire nationale."
                : "Cet acte relève de la chambre disciplinaire de première instance.");
        var stream = await session.Events.FetchForWriting<ChamberCase>(id, ct);
        if (stream.Aggregate is not { } chamberCase)
            return Problems.NotFound($"Aucune affaire {id}.");
        if (OtherChamber(chamberCase, user) is { } refusal)
            return Problems.OutsideJurisdiction(refusal);
        return await StreamChange.DecideAndAppend(stream, chamberCase, session, decide,
            (after, version) => new CaseChanged(id, after.Status, version), ct);
    }

    /// <summary>Why this caller may not see the case: a first-instance chamber sees only its region's cases.</summary>
    public static string? OtherChamber(ChamberCase chamberCase, ClaimsPrincipal user) =>
        user.IsInRole(Roles.FirstInstanceChamber) && !user.IsInRole(National)
            && user.FindFirst(OrdreClaims.Region)?.Value != chamberCase.Chamber
            ? "Cette affaire relève de la chambre disciplinaire de première instance d'une autre région."
            : null;
}
