using System.ComponentModel;
using System.Security.Claims;
using Marten;
using Marten.Linq.MatchesSql;
using Marten.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Ordre.Tableau.Annuaire.AsOf;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.AsOf;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.Annuaire.Searching;

/// <summary>Query of GET /annuaire: a name with a department, city or qualification, or an exact RPPS.</summary>
public sealed record DirectorySearch(
    [property: Description("Nom et/ou prénom (au moins 2 caractères ; accents et casse ignorés).")]
    [FromQuery] string? Name,
    [property: Description("Code du département d'inscription.")]
    [FromQuery] string? Department,
    [property: Description("Commune d'exercice.")]
    [FromQuery] string? City,
    [property: Description("Spécialité ou qualification, en toutes lettres.")]
    [FromQuery] string? Qualification,
    [property: Description("Numéro RPPS exact (11 chiffres) : suffit à lui seul.")]
    [FromQuery] string? Rpps,
    [property: Description("Page demandée, à partir de 1.")]
    [FromQuery] int? Page,
    [property: Description("Taille de page, de 1 à 50 (20 par défaut).")]
    [FromQuery] int? PageSize,
    [property: Description("L'annuaire tel qu'il était à la fin de ce jour (AAAA-MM-JJ, heure de Paris), recalculé depuis les décisions et leurs dates d'effet.")]
    [FromQuery] string? AsOf = null);

public sealed record PublicAddress(string Line, string PostalCode, string City, string? Phone);

/// <summary>What the directory shows of a doctor (DOMAIN.md §2.6); no address for replacement or retired doctors.</summary>
public sealed record PublicDoctor(
    string Rpps, string LastName, string FirstName, string Specialty, IReadOnlyList<string> Qualifications,
    string Department, string Activity, PublicAddress? Address);

/// <summary>A page of the directory; <c>AsOf</c> is the day the answer describes when the search asked for a past day.</summary>
public sealed record DirectoryPage(IReadOnlyList<PublicDoctor> Items, int Page, int PageSize, long Total, DateOnly? AsOf = null);

public static class SearchDirectoryEndpoint
{
    public const int MaxPageSize = 50;
    public const int MinNameLength = 2;
    public const int MaxTextLength = 100;

    public static async Task<Results<Ok<DirectoryPage>, ValidationProblem, ProblemHttpResult>> Handle(
        [AsParameters] DirectorySearch search, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var page = search.Page ?? 1;
        var pageSize = search.PageSize ?? 20;
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > Ordre.ServiceDefaults.Queries.Paging.MaxPage)
            errors["page"] = [$"La page va de 1 à {Ordre.ServiceDefaults.Queries.Paging.MaxPage}."];
        if (pageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"La taille de page va de 1 à {MaxPageSize}."];
        if (search.Rpps is not null && !Contracts.Identifiers.Rpps.IsValid(search.Rpps))
            errors["rpps"] = ["Le numéro RPPS doit comporter 11 chiffres et une clé de contrôle valide."];
        if (search.Department is not null && !DepartmentCode.IsValid(search.Department))
            errors["department"] = ["Code de département inconnu (01 à 95 sauf 20, 2A, 2B, 971 à 974, 976)."];
        foreach (var (field, value) in new[] { ("name", search.Name), ("city", search.City), ("qualification", search.Qualification) })
            if (value is not null && (value.Length > MaxTextLength || value.Any(char.IsControl)))
                errors[field] = [$"{MaxTextLength} caractères au plus, sans caractère de contrôle (NUL, tabulation, saut de ligne…)."];
        var (asOf, asOfError) = RegisterAsOf.ParseDay(search.AsOf, ParisCalendar.Today(clock));
        if (asOfError is not null)
            errors["asOf"] = [asOfError];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Recherche dans l'annuaire invalide");
        var name = DirectoryEntry.Normalize(search.Name ?? "");
        if (search.Rpps is null && name.Length < MinNameLength)
            errors["name"] = [$"Indiquez au moins {MinNameLength} caractères du nom recherché, ou un numéro RPPS."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Recherche dans l'annuaire invalide");

        var visible = DirectoryEntry.VisibleTo(user);

        if (search.Rpps is { } rpps)
        {
            var entry = asOf is { } day
                ? (await DirectoryAsOf.ReadAsync(session, rpps, day, ct)).Entry
                : await session.LoadAsync<DirectoryEntry>(PractitionerStream.IdOf(rpps), ct);
            IReadOnlyList<PublicDoctor> found = entry is not null && visible.Contains(entry.Visibility) ? [Show(entry)] : [];
            return TypedResults.Ok(new DirectoryPage(found, 1, pageSize, found.Count, asOf));
        }

        if (search.Department is null && string.IsNullOrWhiteSpace(search.City) && string.IsNullOrWhiteSpace(search.Qualification))
            return Problems.Unprocessable("Recherche trop large : précisez un département, une commune ou une qualification, ou saisissez un numéro RPPS.");

        var scopes = new List<string>();
        if (search.Department is { } department)
            scopes.Add(DirectoryEntry.DepartmentScope(department));
        if (!string.IsNullOrWhiteSpace(search.City))
            scopes.Add(DirectoryEntry.CityScope(DirectoryEntry.Normalize(search.City)));
        if (!string.IsNullOrWhiteSpace(search.Qualification))
            scopes.Add(DirectoryEntry.QualificationScope(DirectoryEntry.Normalize(search.Qualification)));

        if (asOf is { } past)
        {
            var tokens = scopes.SelectMany(scope => DirectoryEntry.Words(name).Select(word => DirectoryEntry.QueryToken(scope, word))).ToList();
            if (await DirectoryAsOf.SearchAsync(session, name, tokens, visible, past, ct) is not { } then)
                return Problems.Unprocessable($"Recherche trop large pour une date passée (plus de {DirectoryAsOf.MaxCandidates} médecins portent ce nom) : précisez le nom (nom et prénom).");
            var shown = then.Skip((page - 1) * pageSize).Take(pageSize).Select(Show).ToList();
            return TypedResults.Ok(new DirectoryPage(shown, page, pageSize, then.Count, past));
        }

        var query = session.Query<DirectoryEntry>().Where(e => e.Visibility.In(visible)).WithNameWords(name, scopes);
        var results = await query.OrderBy(e => e.SearchName).ThenBy(e => e.Id).ToPagedListAsync(page, pageSize, ct);
        return TypedResults.Ok(new DirectoryPage(results.Select(Show).ToList(), page, pageSize, results.TotalItemCount));
    }

    public static IQueryable<DirectoryEntry> WithNameWords(this IQueryable<DirectoryEntry> query, string normalizedName, IEnumerable<string> scopes)
    {
        var tokens = scopes.SelectMany(scope => DirectoryEntry.Words(normalizedName).Select(word => DirectoryEntry.QueryToken(scope, word))).ToArray();
        return tokens.Length == 0 ? query : query.Where(e => e.MatchesSql("d.search_tokens @> ?", (object)tokens)); // one text[] parameter
    }

    private static PublicDoctor Show(DirectoryEntry entry) => entry.Show();
}
