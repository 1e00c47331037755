using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.Inscriptions;

public sealed record InscriptionChanged(Guid Id, InscriptionStatus Status, long Version);

/// <summary>The write path the dossier's commands share: load, check who asks, decide, append, with optional effects in the same transaction.</summary>
public static class InscriptionChange
{
    /// <summary>Returns the reason to refuse the caller (403), or null.</summary>
    public delegate string? Authorize(Inscription dossier, ClaimsPrincipal user);

    /// <summary>Further writes of the same transaction (e.g. on the register entry); returns why they cannot happen (409), or null.</summary>
    public delegate Task<string?> Consequences(IDocumentSession session, Inscription dossier, IReadOnlyList<object> events, CancellationToken ct);

    public static async Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Apply(
        Guid id, ClaimsPrincipal user, IDocumentSession session, Authorize authorize, Func<Inscription, Outcome> decide,
        CancellationToken ct, Consequences? consequences = null, long? expectedVersion = null)
    {
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<Inscription>(id, version, ct)
            : await session.Events.FetchForWriting<Inscription>(id, ct);
        if (stream.Aggregate is not { } dossier)
            return Problems.NotFound($"Aucun dossier d'inscription {id}.");
        if (OutsideJurisdiction(dossier, user) is { } outside)
            return Problems.OutsideJurisdiction(outside);
        if (authorize(dossier, user) is { } refusal)
            return Problems.Forbidden(refusal);

        return await StreamChange.DecideAndAppend(stream, dossier, session, decide,
            (after, version) => new InscriptionChanged(id, after.Status, version), ct,
            consequences is null ? null : events => consequences(session, dossier, events, ct));
    }


    /// <summary>
    /// Why the dossier lies outside the caller's jurisdiction (its council, its region's council, the national council
    /// hold it). Asked during authorization (InscriptionsModule) and again by every handler.
    /// </summary>
    public static string? OutsideJurisdiction(Inscription dossier, ClaimsPrincipal user) =>
        user.HasJurisdictionOver(dossier.Department) ? null : Jurisdiction.OutsideJurisdiction(dossier.Department);

    /// <summary>
    /// Why a new dossier (an inscription, a junior doctor) of <paramref name="department"/> lies outside the caller's
    /// jurisdiction; null for an invalid code, which the body's validation names.
    /// </summary>
    public static string? NewDossierOutsideJurisdiction(string? department, ClaimsPrincipal user) =>
        DepartmentCode.IsValid(department) && !user.HasJurisdictionOver(department)
            ? $"Un conseil départemental n'enregistre que les dossiers de son département ; celui-ci relève du département {department}."
            : null;

    /// <summary>The departmental council of the dossier's department, and only it.</summary>
    public static string? CouncilOfTheDossier(Inscription dossier, ClaimsPrincipal user) =>
        user.IsCouncilOf(dossier.Department)
            ? null
            : "Ce dossier relève d'un autre conseil départemental.";
}
