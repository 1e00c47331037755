namespace Ordre.Gateway;

/// <summary>
/// The public directory's anonymous answers (annuaire and FHIR searches and reads, gateway/appsettings.json routes
/// with <c>OutputCachePolicy: annuaire</c>) are kept 100 ms at the edge: a search asked again within that time is
/// answered here without the hop to the Tableau, which keeps no cache of its own so that staleness does not stack.
/// A doctor who must be hidden disappears within the enforcement budget (final decision → hidden, p99 &lt; 500 ms,
/// measured through the gateway by `./ordre bench enforcement`). A signed-in caller (Authorization header), who may see
/// retired doctors, is never served from the cache nor stored in it (output caching's default policy).
/// </summary>
public static class DirectoryCache
{
    public const string Policy = "annuaire";

    public static readonly TimeSpan CachedFor = TimeSpan.FromMilliseconds(100);

    public static IServiceCollection AddDirectoryCache(this IServiceCollection services) => services.AddOutputCache(options =>
    {
        // Many distinct anonymous searches must not grow the gateway: the cache is bounded (entries are evicted).
        options.SizeLimit = 32 * 1024 * 1024;
        options.MaximumBodySize = 1024 * 1024;
        // Per host (the default), path, query and the headers that change an answer (FHIR's Accept, Prefer: handling=strict).
        options.AddPolicy(Policy, policy => policy.Expire(CachedFor).SetVaryByQuery("*").SetVaryByHeader("Accept", "Prefer"));
    });
}
