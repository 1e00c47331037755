using System.Text.RegularExpressions;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Solidarity.Helpline.Counting;

/// <summary>
/// Body of POST /helpline/calls: the day, the caller's profession (an open list of short codes: in 2020 nurses,
/// physiotherapists and dentists called too), the mode of practice and the route taken, and how many such calls (1 by
/// default). No name, no number, no free text. <paramref name="Entry"/>: optional id chosen by the caller, so a retry is not counted twice.
/// </summary>
public sealed record CountCalls(DateOnly? Day, string? Profession, string? Mode, string? Route, int Calls = 1, Guid? Entry = null);

public static partial class CountCallsEndpoint
{
    /// <summary>Modes of practice.</summary>
    public static readonly string[] Modes = ["liberal", "salarie", "mixte", "interne", "retraite", "non-precise"];

    /// <summary>Routes taken (S3): a fellow doctor (departmental or regional entraide), a clinical psychologist, the social, financial, administrative or legal platform, or information only.</summary>
    public static readonly string[] Routes = ["confrere", "psychologue", "plateforme-sociale", "information"];

    /// <summary>Suggested professions; any other short code is accepted (an open list).</summary>
    public static readonly string[] KnownProfessions = ["medecin-generaliste", "medecin-specialiste", "interne", "infirmier", "kinesitherapeute", "chirurgien-dentiste"];

    public const int MaxCallsPerEntry = 1_000;

    [GeneratedRegex("^[a-z][a-z-]{1,39}$")]
    private static partial Regex Code();

    public static async Task<Results<Ok<HelplineDayView>, ValidationProblem, ProblemHttpResult>> Handle(CountCalls command, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        if (Validate(command, today) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors, title: "Demande invalide");
        var day = command.Day!.Value;
        var id = HelplineDay.IdOf(day);
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<HelplineDay>(id, ct);
            if (command.Entry is { } entry && stream.Aggregate?.Entries.Contains(entry) == true)
                return TypedResults.Ok(HelplineDayView.Of(stream.Aggregate));
            var counted = new HelplineCallsCounted(id, day, command.Profession!, command.Mode!, command.Route!, command.Calls, command.Entry, clock.GetUtcNow());
            stream.AppendOne(counted);
            try
            {
                await session.SaveChangesAsync(ct);
                await using var read = store.QuerySession();
                return TypedResults.Ok(HelplineDayView.Of((await read.LoadAsync<HelplineDay>(id, ct))!));
            }
            catch (Exception e) when (e is ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException or Marten.Exceptions.ExistingStreamIdCollisionException)
            {
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), ct);
            }
        }
        return Problems.Conflict("La plateforme est très sollicitée : le décompte n'a pas pu être enregistré, réessayez.");
    }

    public static Dictionary<string, string[]> Validate(CountCalls command, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.Day is not { } day || day > today || day < new DateOnly(2018, 1, 1))
            errors["day"] = ["Jour de l'appel, depuis la création de la plateforme (1er janvier 2018) et au plus aujourd'hui."];
        if (command.Profession is null || !Code().IsMatch(command.Profession))
            errors["profession"] = [$"Profession de l'appelant : un code court en minuscules (par exemple {string.Join(", ", KnownProfessions)})."];
        if (!Modes.Contains(command.Mode))
            errors["mode"] = [$"Mode d'exercice : {string.Join(", ", Modes)}."];
        if (!Routes.Contains(command.Route))
            errors["route"] = [$"Orientation : {string.Join(", ", Routes)}."];
        if (command.Calls is < 1 or > MaxCallsPerEntry)
            errors["calls"] = [$"Nombre d'appels de 1 à {MaxCallsPerEntry}."];
        if (command.Entry == Guid.Empty)
            errors["entry"] = ["Identifiant non nul, ou absent."];
        return errors;
    }
}

/// <summary>One day of counts as read.</summary>
public sealed record HelplineDayView(DateOnly Day, int Calls, IReadOnlyList<HelplineCount> Counts)
{
    public static HelplineDayView Of(HelplineDay d) => new(d.Day, d.Counts.Values.Sum(),
        [.. d.Counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => HelplineCount.Of(c.Key, c.Value))]);
}

/// <summary>How many calls of one profession, mode of practice and route.</summary>
public sealed record HelplineCount(string Profession, string Mode, string Route, int Calls)
{
    public static HelplineCount Of(string key, int calls)
    {
        var parts = key.Split('|');
        return new(parts[0], parts[1], parts[2], calls);
    }
}
