using System.ComponentModel;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Ordre.Tableau.Identifiers;

namespace Ordre.Tableau.Annuaire.Searching;

/// <summary>Query of GET /annuaire.</summary>
public sealed record DirectorySearch(
    [property: Description("Nom et/ou prénom recherchés (au moins 2 caractères, sans distinction d'accents ni de casse).")]
    [FromQuery] string? Name,
    [property: Description("Code du département d'inscription (facultatif).")]
    [FromQuery] string? Department,
    [property: Description("Page demandée, à partir de 1.")]
    [FromQuery] int? Page,
    [property: Description("Taille de page, de 1 à 50 (20 par défaut).")]
    [FromQuery] int? PageSize);

/// <summary>A directory entry as the public sees it.</summary>
public sealed record PublicDoctor(string Rpps, string LastName, string FirstName, string Specialty, string Department);

public sealed record DirectoryPage(IReadOnlyList<PublicDoctor> Items, int Page, int PageSize, long Total);

public static class SearchDirectoryEndpoint
{
    public const int MaxPageSize = 50;
    public const int MinNameLength = 2;

    public static async Task<Results<Ok<DirectoryPage>, ValidationProblem>> Handle(
        [AsParameters] DirectorySearch search, IQuerySession session, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = DirectoryEntry.Normalize(search.Name?.Trim() ?? "");
        if (name.Length < MinNameLength)
            errors["name"] = [$"Indiquez au moins {MinNameLength} caractères du nom recherché."];
        if (search.Department is not null && !DepartmentCode.IsValid(search.Department))
            errors["department"] = ["Code de département inconnu (01 à 95 sauf 20, 2A, 2B, 971 à 974, 976)."];
        var page = search.Page ?? 1;
        var pageSize = search.PageSize ?? 20;
        if (page < 1)
            errors["page"] = ["La page commence à 1."];
        if (pageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"La taille de page va de 1 à {MaxPageSize}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Recherche dans l'annuaire invalide");

        // Every word must appear, in any order: "elodie lef" finds "Lefèvre Élodie".
        var query = session.Query<DirectoryEntry>().AsQueryable();
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct())
            query = query.Where(e => e.SearchName.Contains(word));
        if (search.Department is { } department)
            query = query.Where(e => e.Department == department);

        var results = await query.OrderBy(e => e.LastName).ThenBy(e => e.FirstName).ThenBy(e => e.Id)
            .ToPagedListAsync(page, pageSize, ct);
        var items = results.Select(e => new PublicDoctor(e.Rpps, e.LastName, e.FirstName, e.Specialty, e.Department)).ToList();
        return TypedResults.Ok(new DirectoryPage(items, page, pageSize, results.TotalItemCount));
    }
}
