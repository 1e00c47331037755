using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Tableau.Register.AsOf;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.Register.Reading;

/// <summary>One change of a register entry, as its history shows it.</summary>
public sealed record EntryChange(long Version, string Change, DateTimeOffset RecordedAt, object Details);

public sealed record EntryHistory(string Rpps, IReadOnlyList<EntryChange> Changes);

public static class ReadEntryEndpoints
{
    /// <summary>The whole entry for those who may know the reasons (NeedToKnow), the standing for any other council or chamber.</summary>
    /// <remarks>
    /// With <paramref name="asOf"/>, the entry as it stood at the end of that day, from the events (RegisterAsOf); the
    /// header <c>Ordre-Known-On</c> then gives the day the register learnt what decides it (later than asOf when a
    /// decision recorded afterwards took effect earlier).
    /// </remarks>
    public static async Task<Results<Ok<Practitioner>, Ok<RegisterStanding>, ValidationProblem, ProblemHttpResult>> Entry(
        string rpps, ClaimsPrincipal user, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct,
        string? asOf = null)
    {
        if (!Rpps.IsValid(rpps))
            return InvalidRpps();
        var (day, asOfError) = RegisterAsOf.ParseDay(asOf, ParisCalendar.Today(clock));
        if (asOfError is not null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["asOf"] = [asOfError] });
        Practitioner? entry;
        if (day is { } then)
        {
            var answer = (await RegisterAsOf.LoadAsync(session, [rpps], then, ct)).GetValueOrDefault(rpps);
            entry = answer?.Entry;
            if (answer?.KnownOn is { } knownOn)
                http.Response.Headers[KnownOnHeader] = knownOn.ToString("yyyy-MM-dd");
        }
        else
            entry = await session.LoadAsync<Practitioner>(PractitionerStream.IdOf(rpps), ct);
        if (entry is null)
            return Problems.NotFound(day is { } d
                ? $"Aucun médecin n'était inscrit au Tableau sous le RPPS {rpps} le {d:dd/MM/yyyy}."
                : $"Aucun médecin inscrit au Tableau sous le RPPS {rpps}.");
        return user.MaySeeReasons(entry.Department) ? TypedResults.Ok(entry) : TypedResults.Ok(RegisterStanding.Of(entry));
    }

    public const string KnownOnHeader = "Ordre-Known-On";

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
