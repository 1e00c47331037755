using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Queries;
using Ordre.ServiceDefaults.Requests;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Discipline.Chambers;

public sealed record CaseChanged(Guid Id, CaseStatus Status, long Version);

public sealed record LodgeAppeal(DateOnly? LodgedOn);
public sealed record AppointRapporteur([property: MaxText(TextLimits.Name)] string? Rapporteur);
public sealed record ScheduleHearing(DateOnly? HearingOn);
public sealed record MoveCase([property: MaxText(TextLimits.Code)] string? ToRegion);

/// <summary>The first-instance chamber's handling of a case: decision, notification, appeal registration.</summary>
public static class ChamberEndpoints
{
    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> AppointRapporteur(
        Guid id, AppointRapporteur command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, FirstInstance, session, c => ChamberRules.AppointRapporteur(c, command.Rapporteur, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> ScheduleHearing(
        Guid id, ScheduleHearing command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, FirstInstance, session, c => ChamberRules.ScheduleHearing(c, command.HearingOn, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> HoldHearing(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, FirstInstance, session, c => ChamberRules.HoldHearing(c, ParisCalendar.Today(clock), user.Actor()), ct);

    public static async Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Decide(
        Guid id, RenderDecision command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (earlier, revoked) = await EarlierCase(session, id, command.RevokeSuspendedPartOf, ct);
        return await Change(id, user, FirstInstance, session, c => ChamberRules.Decide(c, command, ParisCalendar.Today(clock), user.Actor(), earlier, revoked), ct);
    }

    /// <summary>The national chamber's president moves a case its chamber did not decide in 6 months.</summary>
    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Move(
        Guid id, MoveCase command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, National, session, c => ChamberRules.Move(c, command.ToRegion?.Trim().ToUpperInvariant(), ParisCalendar.Today(clock), user.Actor()), ct);

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

    public static async Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> DecideAppeal(
        Guid id, DecideNationalAppeal command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (earlier, revoked) = await EarlierCase(session, id, command.Decision?.RevokeSuspendedPartOf, ct);
        return await Change(id, user, National, session, c => ChamberRules.DecideAppeal(c, command, ParisCalendar.Today(clock), user.Actor(), earlier, revoked), ct);
    }

    /// <summary>The earlier case whose suspended part a decision would revoke, and whether another decision already revoked it.</summary>
    private static async Task<(ChamberCase? Earlier, bool AlreadyRevoked)> EarlierCase(IQuerySession session, Guid caseId, Guid? earlierId, CancellationToken ct)
    {
        if (earlierId is not { } wanted)
            return (null, false);
        var earlier = await session.LoadAsync<ChamberCase>(wanted, ct);
        var revoked = await session.Query<ChamberCase>().AnyAsync(c => c.Id != caseId && c.Decision!.RevokesSuspendedPartOf == wanted, ct);
        return (earlier, revoked);
    }

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

    public static async Task<Results<Ok<ChamberCase>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<ChamberCase>(id, ct) is not { } chamberCase)
            return Problems.NotFound($"Aucune affaire {id}.");
        return OtherChamber(chamberCase, user) is { } refusal ? Problems.OutsideJurisdiction(refusal) : TypedResults.Ok(chamberCase);
    }

    /// <summary>The cases a caller may see, newest first: its own region's for a first-instance chamber, all for the national bodies.</summary>
    public static async Task<Results<Ok<Paged<ChamberCase>>, ValidationProblem>> List(
        ClaimsPrincipal user, HttpContext http, IQuerySession session, CancellationToken ct, CaseStatus? status = null, int page = 1, int pageSize = 20)
    {
        if (Paging.Invalid(page, pageSize, 100) is { } invalid)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = invalid }, title: "Pagination invalide");
        var query = session.Query<ChamberCase>().AsQueryable();
        if (!user.IsInRole(National) && !user.IsInRole(OrdreClaims.Roles.NationalCouncil))
        {
            var region = user.FindFirst(OrdreClaims.Region)?.Value ?? "";
            var departments = RegionCode.DepartmentsOf(region);
            query = query.Where(c => c.MovedToRegion == region || (c.MovedToRegion == null && departments.Contains(c.Department)));
        }
        if (status is { } wanted)
            query = query.Where(c => c.Status == wanted);
        var found = await query.ToPageAsync(q => q.OrderByDescending(c => c.RegisteredOn).ThenBy(c => c.Id), page, pageSize, ct);
        AuditSetup.Name(http, found.Items.Select(c => c.Id.ToString()));
        return TypedResults.Ok(found);
    }

    /// <summary>Why this caller may not see the case: a first-instance chamber sees only its region's cases.</summary>
    public static string? OtherChamber(ChamberCase chamberCase, ClaimsPrincipal user) =>
        user.IsInRole(OrdreClaims.Roles.FirstInstanceChamber) && !user.IsInRole(National)
            && user.FindFirst(OrdreClaims.Region)?.Value != chamberCase.Chamber
            ? "Cette affaire relève de la chambre disciplinaire de première instance d'une autre région."
            : null;

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
        if (OtherChamber(chamberCase, user) is { } refusal)
            return Problems.OutsideJurisdiction(refusal);
        return await StreamChange.DecideAndAppend(stream, chamberCase, session, decide,
            (after, version) => new CaseChanged(id, after.Status, version), ct);
    }
}
