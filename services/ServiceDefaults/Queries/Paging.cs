using Marten;

namespace Ordre.ServiceDefaults.Queries;

/// <summary>One page of a list, with the total the filters match.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

public static class Paging
{
    /// <summary>No list is read this deep; also keeps the offset far from overflowing.</summary>
    public const int MaxPage = 10_000;

    /// <summary>The French error for a page outside 1..10,000 or a page size outside 1..<paramref name="maxPageSize"/>; null when valid.</summary>
    public static string[]? Invalid(int page, int pageSize, int maxPageSize) =>
        page is < 1 or > MaxPage || pageSize < 1 || pageSize > maxPageSize ? [$"page de 1 à {MaxPage} ; pageSize de 1 à {maxPageSize}."] : null;

    /// <summary>Counts what <paramref name="query"/> matches and reads one page of it in the given order.</summary>
    public static async Task<Paged<T>> ToPageAsync<T>(
        this IQueryable<T> query, Func<IQueryable<T>, IOrderedQueryable<T>> order, int page, int pageSize, CancellationToken ct) where T : notnull
    {
        var total = await query.CountAsync(ct);
        var items = await order(query).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, page, pageSize, total);
    }
}
