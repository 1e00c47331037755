using Marten;

namespace Ordre.ServiceDefaults.Queries;

/// <summary>One page of a list, with the total the filters match.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

public static class Paging
{
    /// <summary>The French error for a page number below 1 or a page size outside 1..<paramref name="maxPageSize"/>; null when valid.</summary>
    public static string[]? Invalid(int page, int pageSize, int maxPageSize) =>
        page < 1 || pageSize < 1 || pageSize > maxPageSize ? [$"page ≥ 1 ; pageSize de 1 à {maxPageSize}."] : null;

    /// <summary>Counts what <paramref name="query"/> matches and reads one page of it in the given order.</summary>
    public static async Task<Paged<T>> ToPageAsync<T>(
        this IQueryable<T> query, Func<IQueryable<T>, IOrderedQueryable<T>> order, int page, int pageSize, CancellationToken ct) where T : notnull
    {
        var total = await query.CountAsync(ct);
        var items = await order(query).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, page, pageSize, total);
    }
}
