using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.Register.Reading;

/// <summary>One change of a register entry, as its history shows it.</summary>
public sealed record EntryChange(long Version, string Change, DateTimeOffset RecordedAt, object Details);

public sealed record EntryHistory(string Rpps, IReadOnlyList<EntryChange> Changes);

public static class ReadEntryEndpoints
{
    /// <summary>The whole entry for those who may know the reasons (NeedToKnow), the standing for any other council or chamber.</summary>
    public static async Task<Results<Ok<Practitioner>, Ok<RegisterStanding>, ValidationProblem, ProblemHttpResult>> Entry(
        string rpps, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (!Rpps.IsValid(rpps))
            return InvalidRpps();
        if (await session.LoadAsync<Practitioner>(PractitionerStream.IdOf(rpps), ct) is not { } entry)
            return Problems.NotFound($"Aucun médecin inscrit au Tableau sous le RPPS {rpps}.");
        return user.MaySeeReasons(entry.Department) ? TypedResults.Ok(entry) : TypedResults.Ok(RegisterStanding.Of(entry));
    }

    /// <summary>Every event of the entry: only for those who may know the reasons of its measures.</summary>
    public static async Task<Results<Ok<EntryHistory>, ValidationProblem, ProblemHttpResult>> History(
        string rpps, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (!Rpps.IsValid(rpps))
            return InvalidRpps();
        if (await session.LoadAsync<Practitioner>(PractitionerStream.IdOf(rpps), ct) is not { } entry)
            return Problems.NotFound($"Aucun médecin inscrit au Tableau sous le RPPS {rpps}.");
        if (!user.MaySeeReasons(entry.Department))
            return Problems.Forbidden("L'historique de l'inscription est réservé au conseil départemental du médecin, au conseil régional de sa région et aux instances nationales.");
        var events = await session.Events.FetchStreamAsync(PractitionerStream.IdOf(rpps), token: ct);
        return TypedResults.Ok(new EntryHistory(rpps,
            events.Select(e => new EntryChange(e.Version, e.EventTypeName, e.Timestamp, e.Data)).ToList()));
    }

    private static ValidationProblem InvalidRpps() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
        { ["rpps"] = ["Le numéro RPPS doit comporter 11 chiffres et une clé de contrôle valide."] });
}
