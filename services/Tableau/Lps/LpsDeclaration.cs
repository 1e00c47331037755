using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.Lps;

public enum LpsStatus { Received, Registered, Expired }

/// <summary>
/// A doctor established in another EU/EEA state (or Switzerland) who provides temporary, occasional services
/// in France declares it to the national council, which answers within a month; the declaration is renewed
/// each year (L.4112-7, R.4112-9; the yearly renewal is (K) in DOMAIN.md). Such doctors are not on the
/// Tableau and not in the directory.
/// </summary>
public sealed record LpsDeclaration(
    Guid Id, string LastName, string FirstName, string Country, string Qualification, DateOnly ReceivedOn, DateOnly AnswerDueOn,
    LpsStatus Status, DateOnly? ValidUntil)
{
    public DateOnly? NextDeadline => Status == LpsStatus.Registered ? ValidUntil?.AddDays(1) : null;

    public static LpsDeclaration Create(LpsDeclarationReceived e) =>
        new(e.DeclarationId, e.LastName, e.FirstName, e.Country, e.Qualification, e.ReceivedOn, e.AnswerDueOn, LpsStatus.Received, null);

    public LpsDeclaration Apply(LpsDeclarationRegistered e) => this with { Status = LpsStatus.Registered, ValidUntil = e.ValidUntil };

    public LpsDeclaration Apply(LpsDeclarationRenewed e) => this with { Status = LpsStatus.Registered, ValidUntil = e.ValidUntil };

    public LpsDeclaration Apply(LpsDeclarationExpired e) => this with { Status = LpsStatus.Expired };
}

public sealed record LpsDeclarationReceived(
    Guid DeclarationId, string LastName, string FirstName, string Country, string Qualification, DateOnly ReceivedOn, DateOnly AnswerDueOn, string By);

public sealed record LpsDeclarationRegistered(Guid DeclarationId, DateOnly On, DateOnly ValidUntil, string By);

public sealed record LpsDeclarationRenewed(Guid DeclarationId, DateOnly On, DateOnly ValidUntil, string By);

/// <summary>The year of validity ended without renewal (raised by the clock).</summary>
public sealed record LpsDeclarationExpired(Guid DeclarationId, DateOnly On);

public sealed record DeclareLps([property: MaxText(TextLimits.Name)] string? LastName, [property: MaxText(TextLimits.Name)] string? FirstName, [property: MaxText(TextLimits.Name)] string? Country, [property: MaxText(TextLimits.Line)] string? Qualification);

public sealed record LpsDeclarationCreated(Guid Id, DateOnly AnswerDueOn);

public static class LpsRules
{
    public const int AnswerMonths = 1;
    public const int ValidityYears = 1;

    /// <summary>EU and EEA member states and Switzerland, France excepted (ISO 3166-1 alpha-2).</summary>
    public static readonly IReadOnlySet<string> Countries = new HashSet<string>
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT",
        "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO", "CH",
    };

    public static Dictionary<string, string[]> Validate(DeclareLps command)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.LastName) || command.LastName.Length > 100)
            errors["lastName"] = ["Le nom est obligatoire (100 caractères au plus)."];
        if (string.IsNullOrWhiteSpace(command.FirstName) || command.FirstName.Length > 100)
            errors["firstName"] = ["Le prénom est obligatoire (100 caractères au plus)."];
        if (command.Country is null || !Countries.Contains(command.Country))
            errors["country"] = ["État d'établissement : un État de l'Union européenne, de l'EEE ou la Suisse, hors France (code ISO à deux lettres)."];
        if (string.IsNullOrWhiteSpace(command.Qualification) || command.Qualification.Length > 150)
            errors["qualification"] = ["Indiquez le titre de formation (150 caractères au plus)."];
        return errors;
    }

    public static Outcome Register(LpsDeclaration declaration, DateOnly today, string by) => declaration.Status == LpsStatus.Received
        ? new Outcome.Accepted(new LpsDeclarationRegistered(declaration.Id, today, today.AddYears(ValidityYears).AddDays(-1), by))
        : new Outcome.NotAllowed("Cette déclaration a déjà été enregistrée.");

    /// <summary>A renewal adds a year after the current validity, or from today once it has lapsed.</summary>
    public static Outcome Renew(LpsDeclaration declaration, DateOnly today, string by)
    {
        if (declaration.Status == LpsStatus.Received)
            return new Outcome.NotAllowed("Une déclaration s'enregistre avant de se renouveler.");
        var from = declaration.ValidUntil is { } until && until >= today ? until.AddDays(1) : today;
        return new Outcome.Accepted(new LpsDeclarationRenewed(declaration.Id, today, from.AddYears(ValidityYears).AddDays(-1), by));
    }
}

public static class LpsEndpoints
{
    public static async Task<Results<Created<LpsDeclarationCreated>, ValidationProblem>> Declare(
        DeclareLps command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var errors = LpsRules.Validate(command);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Déclaration de libre prestation de services invalide");
        var today = ParisCalendar.Today(clock);
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var answerDue = today.AddMonths(LpsRules.AnswerMonths);
        session.Events.StartStream<LpsDeclaration>(id, new LpsDeclarationReceived(id, command.LastName!.Trim(), command.FirstName!.Trim(),
            command.Country!, command.Qualification!.Trim(), today, answerDue, user.Actor()));
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/lps-declarations/{id}", new LpsDeclarationCreated(id, answerDue));
    }

    public static async Task<Results<Ok<LpsDeclaration>, ProblemHttpResult>> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<LpsDeclaration>(id, ct) is { } declaration
            ? TypedResults.Ok(declaration)
            : Problems.NotFound($"Aucune déclaration de libre prestation de services {id}.");

    public static Task<Results<Ok<LpsDeclaration>, ValidationProblem, ProblemHttpResult>> Register(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, session, d => LpsRules.Register(d, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Task<Results<Ok<LpsDeclaration>, ValidationProblem, ProblemHttpResult>> Renew(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, session, d => LpsRules.Renew(d, ParisCalendar.Today(clock), user.Actor()), ct);

    private static async Task<Results<Ok<LpsDeclaration>, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, IDocumentSession session, Func<LpsDeclaration, Outcome> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<LpsDeclaration>(id, ct);
        if (stream.Aggregate is not { } declaration)
            return Problems.NotFound($"Aucune déclaration de libre prestation de services {id}.");
        return await StreamChange.DecideAndAppend(stream, declaration, session, decide, (after, _) => after, ct);
    }

}
