using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Discipline.Chambers;

public sealed record CaseChanged(Guid Id, CaseStatus Status, long Version);

public sealed record LodgeAppeal(DateOnly? LodgedOn);

/// <summary>The first-instance chamber's handling of a case: decision, notification, appeal registration.</summary>
public static class ChamberEndpoints
{
    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Decide(
        Guid id, RenderDecision command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, FirstInstance, session, c => ChamberRules.Decide(c, command, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Notify(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, FirstInstance, session, c => ChamberRules.Notify(c, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Appeal(
        Guid id, LodgeAppeal command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return Change(id, user, National, session, c => command.LodgedOn > today
            ? Outcome.Field("lodgedOn", "Un appel ne peut être daté dans le futur.")
            : ChamberRules.LodgeAppeal(c, command.LodgedOn ?? today, user.Actor()), ct);
    }

    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> DecideAppeal(
        Guid id, DecideNationalAppeal command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, National, session, c => ChamberRules.DecideAppeal(c, command, ParisCalendar.Today(clock), user.Actor()), ct);

    public sealed record LodgeCassation(DateOnly? LodgedOn);
    public sealed record RecordCassation(CassationOutcome? Outcome);

    /// <summary>The national chamber's registry records the cassation appeal and the Conseil d'État's outcome.</summary>
    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Cassation(
        Guid id, LodgeCassation command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return Change(id, user, National, session, c => command.LodgedOn > today
            ? Outcome.Field("lodgedOn", "Un pourvoi ne peut être daté dans le futur.")
            : ChamberRules.LodgeCassation(c, command.LodgedOn ?? today, user.Actor()), ct);
    }

    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> CassationOutcome(
        Guid id, RecordCassation command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, National, session, c => ChamberRules.DecideCassation(c, command.Outcome, ParisCalendar.Today(clock), user.Actor()), ct);

    private const string FirstInstance = OrdreClaims.Roles.FirstInstanceChamber;
    private const string National = OrdreClaims.Roles.NationalChamber;

    public static async Task<Results<Ok<ChamberCase>, ProblemHttpResult>> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ChamberCase>(id, ct) is { } chamberCase ? TypedResults.Ok(chamberCase) : Problems.NotFound($"Aucune affaire {id}.");

    private static async Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, ClaimsPrincipal user, string chamberRole, IDocumentSession session, Func<ChamberCase, Outcome> decide, CancellationToken ct)
    {
        if (!user.IsInRole(chamberRole))
            return Problems.Forbidden(chamberRole == National
                ? "Cet acte relève de la chambre disciplinaire nationale."
                : "Cet acte relève de la chambre disciplinaire de première instance.");
        var stream = await session.Events.FetchForWriting<ChamberCase>(id, ct);
        if (stream.Aggregate is not { } chamberCase)
            return Problems.NotFound($"Aucune affaire {id}.");
        return await StreamChange.DecideAndAppend(stream, chamberCase, session, decide, ChamberRules.Evolve,
            (after, version) => new CaseChanged(id, after.Status, version), ct);
    }
}
