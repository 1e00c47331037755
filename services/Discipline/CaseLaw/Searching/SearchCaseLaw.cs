using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Discipline.Chambers;
using Ordre.ServiceDefaults.Queries;

namespace Ordre.Discipline.CaseLaw.Searching;

public static class SearchCaseLawEndpoint
{
    public const int MaxPageSize = 50;

    /// <summary>The public search: French full text (stemmed), by sanction and decision date, newest first, by page.</summary>
    public static async Task<Results<Ok<Paged<PublicCaseLawSheet>>, ValidationProblem>> Handle(
        IQuerySession session, CancellationToken ct, string? q = null, DecisionOutcome? sanction = null, DateOnly? from = null, DateOnly? to = null,
        int page = 1, int pageSize = 20)
    {
        var errors = new Dictionary<string, string[]>();
        if (Paging.Invalid(page, pageSize, MaxPageSize) is { } invalid)
            errors["page"] = invalid;
        if (from > to)
            errors["from"] = ["La date de début suit la date de fin."];
        if (q?.Length > 200)
            errors["q"] = ["200 caractères au plus."];
        else if (q is not null && CaseLawText.HasControlCharacters(q, allowLineBreaks: false))
            errors["q"] = ["Le texte recherché ne peut contenir de caractère de contrôle (NUL, tabulation, saut de ligne…)."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Recherche invalide");

        var query = session.Query<CaseLawSheet>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
            query = query.Where(s => s.WebStyleSearch(q, CaseLawModule.TextSearchConfig));
        if (sanction is { } outcome)
            query = query.Where(s => s.Sanction == outcome);
        if (from is { } start)
            query = query.Where(s => s.DecidedOn >= start);
        if (to is { } end)
            query = query.Where(s => s.DecidedOn <= end);
        var found = await query.ToPageAsync(q => q.OrderByDescending(s => s.DecidedOn).ThenBy(s => s.Id), page, pageSize, ct);
        return TypedResults.Ok(new Paged<PublicCaseLawSheet>([.. found.Items.Select(s => PublicCaseLawSheet.Of(s))], found.Page, found.PageSize, found.Total));
    }
}
