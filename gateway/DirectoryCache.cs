using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ordre.Gateway;

/// <summary>
/// The public directory's anonymous answers (annuaire and FHIR searches and reads, gateway/appsettings.json routes
/// with <c>OutputCachePolicy: annuaire</c>) are kept 100 ms at the edge: a search asked again within that time is
/// answered here without the hop to the Tableau, which keeps no cache of its own so that staleness does not stack.
/// A doctor who must be hidden disappears within the enforcement budget (final decision → hidden, p99 &lt; 500 ms,
/// measured through the gateway by `./ordre bench enforcement`). A signed-in caller (Authorization header), who may see
/// retired doctors, is never served from the cache nor stored in it (output caching's default policy). An answer being
/// asked for is refreshed before it expires (<see cref="DirectoryRefreshAhead"/>), so no caller waits for the Tableau.
/// </summary>
public static class DirectoryCache
{
    public const string Policy = "annuaire";

    /// <summary>How long an answer is kept, <c>DirectoryCache:Milliseconds</c> (0: not cached; `./ordre bench directory`
    /// runs a second benchmark gateway so, to show the hop's own cost beside the cached path).</summary>
    public const int DefaultMilliseconds = 100;

    public static IServiceCollection AddDirectoryCache(this IServiceCollection services, IConfiguration configuration)
    {
        var cachedFor = TimeSpan.FromMilliseconds(configuration.GetValue("DirectoryCache:Milliseconds", DefaultMilliseconds));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new DirectoryRefreshAhead.Settings(cachedFor)).AddSingleton<DirectoryRefreshAhead>();
        return services.AddOutputCache(options =>
        {
            // Many distinct anonymous searches must not grow the gateway: the cache is bounded (entries are evicted).
            options.SizeLimit = 32 * 1024 * 1024;
            options.MaximumBodySize = 1024 * 1024;
            // Per host (the default), path, query and the headers that change an answer (FHIR's Accept, Prefer: handling=strict),
            // refreshed ahead of expiry while it is being asked for (DirectoryRefreshAhead).
            options.AddPolicy(Policy, policy =>
            {
                if (cachedFor > TimeSpan.Zero)
                    policy.Expire(cachedFor).SetVaryByQuery("*").SetVaryByHeader("Accept", "Prefer").AddPolicy(typeof(DirectoryRefreshAhead));
                else
                    policy.NoCache();
            });
        });
    }
}
