using Marten;
using Marten.Linq.MatchesSql;
using Ordre.Tableau.Annuaire.Searching;
using Ordre.Tableau.Register.AsOf;

namespace Ordre.Tableau.Annuaire.AsOf;

/// <summary>
/// The public directory as it stood at the end of a past day (issue 15 §2): each candidate's entry is replayed from its
/// events to that day (<see cref="RegisterAsOf"/>), then shown or not, and searched, by the directory's own rules
/// (<see cref="DirectoryEntry.From"/>): who was visible, where, with which qualifications, that day. The visibility
/// rules themselves have not changed since the register began, so today's rules are that day's.
/// </summary>
public static class DirectoryAsOf
{
    /// <summary>More candidates than this (every doctor whose name has the words, today visible or not) is too broad a search.</summary>
    public const int MaxCandidates = 5_000;

    /// <summary>The entry of one doctor as the directory showed it at the end of <paramref name="asOf"/>, or null.</summary>
    public static async Task<(DirectoryEntry? Entry, DateOnly? KnownOn)> ReadAsync(IQuerySession session, string rpps, DateOnly asOf, CancellationToken ct)
    {
        var answer = (await RegisterAsOf.LoadAsync(session, [rpps], asOf, ct)).GetValueOrDefault(rpps);
        return answer?.Entry is { } entry ? (DirectoryEntry.From(entry), answer.KnownOn) : (null, null);
    }

    /// <summary>
    /// The entries matching the name words in the scopes (tokens as <see cref="DirectoryEntry.QueryToken"/> builds them),
    /// as of that day, in the directory's order; null when the name is too common to search this way.
    /// </summary>
    public static async Task<IReadOnlyList<DirectoryEntry>?> SearchAsync(IQuerySession session, string normalizedName,
        IReadOnlyList<string> queryTokens, DirectoryVisibility[] visible, DateOnly asOf, CancellationToken ct)
    {
        var nameTokens = DirectoryEntry.EverywhereTokensOf(normalizedName);
        var candidates = await session.Query<DirectoryEntry>()
            .Where(e => e.MatchesSql("d.name_tokens @> ?", (object)nameTokens))
            .Select(e => e.Id).Take(MaxCandidates + 1).ToListAsync(ct);
        if (candidates.Count > MaxCandidates)
            return null;
        var then = await RegisterAsOf.LoadStreamsAsync(session, [.. candidates], asOf, ct);
        return [.. then.Select(answer => DirectoryEntry.From(answer.Entry!))
            .Where(entry => visible.Contains(entry.Visibility) && queryTokens.All(entry.SearchTokens.Contains))
            .OrderBy(entry => entry.SearchName, StringComparer.Ordinal).ThenBy(entry => entry.Id)];
    }
}
