using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.Register;

public sealed record RegisterEntryChanged(string Rpps, RegisterStatus Status, ActivityStatus Activity, string Department, long Version);

/// <summary>The write path every register command shares: load by RPPS, check who asks, decide, append.</summary>
public static class RegisterChange
{
    /// <summary>Returns the reason to refuse the caller (403), or null when the caller may act on the entry.</summary>
    public delegate string? Authorize(Practitioner entry, ClaimsPrincipal user);

    public static async Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Apply(
        string rpps, ClaimsPrincipal user, IDocumentSession session, Authorize authorize,
        Func<Practitioner, Outcome> decide, CancellationToken ct,
        Action<IDocumentSession, Practitioner>? alsoInTheSameTransaction = null)
    {
        if (!Rpps.IsValid(rpps))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                { ["rpps"] = ["Le numéro RPPS doit comporter 11 chiffres et une clé de contrôle valide."] });

        var stream = await session.Events.FetchForWriting<Practitioner>(PractitionerStream.IdOf(rpps), ct);
        if (stream.Aggregate is not { } entry)
            return Problems.NotFound($"Aucun médecin inscrit au Tableau sous le RPPS {rpps}.");
        // Jurisdiction first (already asked during authorization: RegisterModule), then the act's own authority.
        if (OutsideJurisdiction(entry, user) is { } outside)
            return Problems.OutsideJurisdiction(outside);
        if (authorize(entry, user) is { } refusal)
            return Problems.Forbidden(refusal);

        return await StreamChange.DecideAndAppend(stream, entry, session, decide, Changed, ct,
            alsoInTheSameTransaction is null ? null : _ =>
            {
                alsoInTheSameTransaction(session, entry);
                return Task.FromResult<string?>(null);
            });
    }

    private static RegisterEntryChanged Changed(Practitioner entry, long version) =>
        new(entry.Rpps, entry.Status, entry.Activity, entry.Department, version);


    /// <summary>Why the entry lies outside the caller's jurisdiction: neither the doctor's department nor the one a transfer goes to.</summary>
    public static string? OutsideJurisdiction(Practitioner entry, ClaimsPrincipal user) =>
        user.HasJurisdictionOver(entry.Department) || user.HasJurisdictionOver(entry.TransferTo)
            ? null
            : Jurisdiction.OutsideJurisdiction(entry.Department);

    /// <summary>The departmental council of the entry's department, and only it.</summary>
    public static string? CouncilOfTheDepartment(Practitioner entry, ClaimsPrincipal user) =>
        user.IsCouncilOf(entry.Department)
            ? null
            : $"Seul le conseil départemental du {entry.Department} peut modifier l'inscription de ce médecin.";
}
