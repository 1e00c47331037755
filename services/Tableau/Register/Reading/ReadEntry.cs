using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Tableau.Identifiers;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.Register.Reading;

/// <summary>One change of a register entry, as its history shows it.</summary>
public sealed record EntryChange(long Version, string Change, DateTimeOffset RecordedAt, object Details);

public sealed record EntryHistory(string Rpps, IReadOnlyList<EntryChange> Changes);

public static class ReadEntryEndpoints
{
    public static async Task<Results<Ok<Practitioner>, ValidationProblem, ProblemHttpResult>> Entry(
        string rpps, IQuerySession session, CancellationToken ct)
    {
        if (!Rpps.IsValid(rpps))
            return InvalidRpps();
        return await session.LoadAsync<Practitioner>(PractitionerStream.IdOf(rpps), ct) is { } entry
            ? TypedResults.Ok(entry)
            : Problems.NotFound($"Aucun médecin inscrit au Tableau sous le RPPS {rpps}.");
    }

    public static async Task<Results<Ok<EntryHistory>, ValidationProblem, ProblemHttpResult>> History(
        string rpps, IQuerySession session, CancellationToken ct)
    {
        if (!Rpps.IsValid(rpps))
            return InvalidRpps();
        var events = await session.Events.FetchStreamAsync(PractitionerStream.IdOf(rpps), token: ct);
        if (events.Count == 0)
            return Problems.NotFound($"Aucun médecin inscrit au Tableau sous le RPPS {rpps}.");
        return TypedResults.Ok(new EntryHistory(rpps,
            events.Select(e => new EntryChange(e.Version, e.EventTypeName, e.Timestamp, e.Data)).ToList()));
    }

    private static ValidationProblem InvalidRpps() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
        { ["rpps"] = ["Le numéro RPPS doit comporter 11 chiffres et une clé de contrôle valide."] });
}
