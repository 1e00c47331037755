using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Requests;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.SpecialLists;

/// <summary>
/// The lists kept beside the Tableau (DOMAIN.md §2.3): junior doctors (docteurs juniors, R.6153-1 et s.),
/// registered by the departmental council, and doctors practising abroad, kept by the national council.
/// Neither is in the public directory.
/// </summary>
public enum SpecialList { JuniorDoctors, PractisingAbroad }

public sealed record SpecialListEntry(
    Guid Id, SpecialList List, string Rpps, string LastName, string FirstName, string? Department, string? Specialty,
    string? Country, DateOnly From, DateOnly? Until)
{
    public static SpecialListEntry Create(JuniorDoctorRegistered e) =>
        new(e.EntryId, SpecialList.JuniorDoctors, e.Rpps, e.LastName, e.FirstName, e.Department, e.Specialty, null, e.From, e.Until);

    public static SpecialListEntry Create(PractisingAbroadRegistered e) =>
        new(e.EntryId, SpecialList.PractisingAbroad, e.Rpps, e.LastName, e.FirstName, null, null, e.Country, e.From, null);

    /// <summary>One entry per list and RPPS: the stream id derives from both, so a second registration collides (409).</summary>
    public static Guid IdOf(SpecialList list, string rpps)
    {
        var hash = SHA1.HashData(Encoding.ASCII.GetBytes($"ordre:tableau:special-list:{list}:{rpps}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}

public sealed record JuniorDoctorRegistered(Guid EntryId, string Rpps, string LastName, string FirstName, string Department, string Specialty, DateOnly From, DateOnly Until, string By);

public sealed record PractisingAbroadRegistered(Guid EntryId, string Rpps, string LastName, string FirstName, string Country, DateOnly From, string By);

public sealed record RegisterJuniorDoctor(
    [property: MaxText(TextLimits.Code)] string? Rpps, [property: MaxText(TextLimits.Name)] string? LastName, [property: MaxText(TextLimits.Name)] string? FirstName, [property: MaxText(TextLimits.Code)] string? Department,
    [property: MaxText(TextLimits.Line)] string? Specialty, DateOnly? From, DateOnly? Until);

public sealed record RegisterPractisingAbroad(
    [property: MaxText(TextLimits.Code)] string? Rpps, [property: MaxText(TextLimits.Name)] string? LastName, [property: MaxText(TextLimits.Name)] string? FirstName, [property: MaxText(TextLimits.Name)] string? Country, DateOnly? From);

public static class SpecialListRules
{
    public static Dictionary<string, string[]> Validate(RegisterJuniorDoctor c)
    {
        var errors = Common(c.Rpps, c.LastName, c.FirstName);
        if (!DepartmentCode.IsValid(c.Department))
            errors["department"] = ["Code de département inconnu (01 à 95 sauf 20, 2A, 2B, 971 à 974, 976)."];
        if (string.IsNullOrWhiteSpace(c.Specialty))
            errors["specialty"] = ["La spécialité préparée est obligatoire."];
        if (c.From is null || c.Until is null || c.Until <= c.From)
            errors["until"] = ["Indiquez le début et la fin de la phase de consolidation (la fin après le début)."];
        return errors;
    }

    public static Dictionary<string, string[]> Validate(RegisterPractisingAbroad c)
    {
        var errors = Common(c.Rpps, c.LastName, c.FirstName);
        if (c.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetterUpper) || country == "FR")
            errors["country"] = ["Pays d'exercice : code ISO à deux lettres majuscules, hors France."];
        return errors;
    }

    private static Dictionary<string, string[]> Common(string? rpps, string? lastName, string? firstName)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Rpps.IsValid(rpps))
            errors["rpps"] = ["Le numéro RPPS doit comporter 11 chiffres et une clé de contrôle valide."];
        if (string.IsNullOrWhiteSpace(lastName) || lastName.Length > 100)
            errors["lastName"] = ["Le nom est obligatoire (100 caractères au plus)."];
        if (string.IsNullOrWhiteSpace(firstName) || firstName.Length > 100)
            errors["firstName"] = ["Le prénom est obligatoire (100 caractères au plus)."];
        return errors;
    }
}

public static class SpecialListEndpoints
{
    public static async Task<Results<Created<SpecialListEntry>, ValidationProblem, ProblemHttpResult>> RegisterJunior(
        RegisterJuniorDoctor c, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        if (Inscriptions.InscriptionChange.NewDossierOutsideJurisdiction(c.Department, user) is { } outside)
            return Problems.OutsideJurisdiction(outside);
        if (SpecialListRules.Validate(c) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors, title: "Inscription de docteur junior invalide");
        var id = SpecialListEntry.IdOf(SpecialList.JuniorDoctors, c.Rpps!);
        var registered = new JuniorDoctorRegistered(id, c.Rpps!, c.LastName!.Trim(), c.FirstName!.Trim(), c.Department!, c.Specialty!.Trim(), c.From!.Value, c.Until!.Value, user.Actor());
        return await Start(session, id, registered, SpecialListEntry.Create(registered), ct);
    }

    public static async Task<Results<Created<SpecialListEntry>, ValidationProblem, ProblemHttpResult>> RegisterAbroad(
        RegisterPractisingAbroad c, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (SpecialListRules.Validate(c) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors, title: "Inscription sur la liste des médecins exerçant à l'étranger invalide");
        if (!user.IsInRole(OrdreClaims.Roles.NationalCouncil))
            return Problems.Forbidden("La liste spéciale des médecins exerçant à l'étranger est tenue par le Conseil national.");
        var id = SpecialListEntry.IdOf(SpecialList.PractisingAbroad, c.Rpps!);
        var registered = new PractisingAbroadRegistered(id, c.Rpps!, c.LastName!.Trim(), c.FirstName!.Trim(), c.Country!, c.From ?? ParisCalendar.Today(clock), user.Actor());
        return await Start(session, id, registered, SpecialListEntry.Create(registered), ct);
    }

    /// <summary>A junior doctor's entry is read within the jurisdiction of its department; the list of doctors practising abroad is national.</summary>
    public static async Task<Results<Ok<SpecialListEntry>, ProblemHttpResult>> Get(
        SpecialList list, string rpps, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (!Rpps.IsValid(rpps) || await session.LoadAsync<SpecialListEntry>(SpecialListEntry.IdOf(list, rpps), ct) is not { } entry)
            return Problems.NotFound($"Le RPPS {rpps} n'est pas sur cette liste.");
        return entry.Department is { } department && !user.HasJurisdictionOver(department)
            ? Problems.OutsideJurisdiction(Jurisdiction.OutsideJurisdiction(department))
            : TypedResults.Ok(entry);
    }

    private static async Task<Results<Created<SpecialListEntry>, ValidationProblem, ProblemHttpResult>> Start(
        IDocumentSession session, Guid id, object registered, SpecialListEntry entry, CancellationToken ct)
    {
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null)
            return Problems.Conflict("Ce médecin est déjà sur cette liste.");
        session.Events.StartStream<SpecialListEntry>(id, registered);
        await session.SaveChangesAsync(ct); // a concurrent twin collides on the stream id: 409
        return TypedResults.Created($"/special-lists/{entry.List}/{entry.Rpps}", entry);
    }
}

public static class SpecialListsModule
{
    public static StoreOptions AddSpecialLists(this StoreOptions options)
    {
        options.Projections.Snapshot<SpecialListEntry>(SnapshotLifecycle.Inline);
        return options;
    }

    public static IEndpointRouteBuilder MapSpecialLists(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/special-lists").WithTags("Listes spéciales")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        lists.MapPost("/junior-doctors", SpecialListEndpoints.RegisterJunior).RequireAuthorization(OrdrePolicies.DepartmentalCouncil)
            .RequireJurisdiction(Inscriptions.InscriptionsModule.NewDossierRecord)
            .WithName("RegisterJuniorDoctor").WithSummary("Inscrire un docteur junior (conseil départemental)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        lists.MapPost("/abroad", SpecialListEndpoints.RegisterAbroad).RequireAuthorization(OrdrePolicies.NationalCouncil)
            .WithName("RegisterPractisingAbroad").WithSummary("Inscrire un médecin sur la liste spéciale des médecins exerçant à l'étranger (Conseil national)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        lists.MapGet("/{list}/{rpps}", SpecialListEndpoints.Get).RequireAuthorization(OrdrePolicies.Councils)
            .WithName("GetSpecialListEntry").Audited("special-list-entry").WithSummary("Lire une inscription sur une liste spéciale (JuniorDoctors, PractisingAbroad)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
