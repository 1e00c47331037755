using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;

namespace Ordre.Gateway;

/// <summary>
/// Keeps a directory answer that is being asked for fresh without making a caller wait for the Tableau. With plain
/// expiry, every 100 ms the first caller after expiry goes to the Tableau and every caller of the same search waits for
/// it (output caching's lock): under load that wait was the directory's p99 at the edge (docs/benchmarks.md). Here, once
/// an entry has lived half its time, the next hit is served from the cache and the gateway asks itself for the same
/// search in the background (same method, host, path, query, Accept and Prefer, so the same cache key), bypassing the
/// lookup: the new answer replaces the entry. Staleness is unchanged: an entry is never served older than its
/// lifetime; if the refresh fails it expires as before and the next caller waits for the Tableau. The refresh goes to
/// the address the caller reached, over HTTP: a gateway terminating HTTPS itself gets plain expiry (TLS ends before it
/// in the deployments of deploy/).
/// </summary>
public sealed class DirectoryRefreshAhead(DirectoryRefreshAhead.Settings settings, TimeProvider clock, ILogger<DirectoryRefreshAhead> log)
    : IOutputCachePolicy
{
    public sealed record Settings(TimeSpan CachedFor);

    /// <summary>Marks the gateway's own refresh requests; its value is drawn at start, so no client can send it.</summary>
    public const string Header = "X-Ordre-Directory-Refresh";
    private static readonly string Secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private const int MaxTracked = 10_000;

    private static readonly HttpClient Self = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    private readonly ConcurrentDictionary<string, DateTimeOffset> _storedAt = new();
    private readonly ConcurrentDictionary<string, byte> _refreshing = new();

    /// <summary>
    /// Whether this request is the gateway refreshing its own cache (exempt from the clients' rate limit); compared in
    /// constant time, so a client timing its guesses learns nothing of the value.
    /// </summary>
    public static bool IsRefresh(HttpContext http) =>
        http.Request.Headers.TryGetValue(Header, out var value) && value is [{ } sent]
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sent), Encoding.ASCII.GetBytes(Secret));

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        if (IsRefresh(context.HttpContext))
        {
            // Fetch from the Tableau and store, without waiting for (or holding) the lock callers of this search take.
            context.AllowCacheLookup = false;
            context.AllowLocking = false;
            context.HttpContext.Request.Headers.Remove(Header);
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct)
    {
        var request = context.HttpContext.Request;
        var key = KeyOf(request);
        if (_storedAt.TryGetValue(key, out var storedAt) && clock.GetUtcNow() - storedAt >= settings.CachedFor / 2
            && !request.IsHttps && context.HttpContext.Connection.LocalIpAddress is { } local && _refreshing.TryAdd(key, 0))
        {
            var address = local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local; // UriBuilder brackets an IPv6 one
            var self = new UriBuilder(Uri.UriSchemeHttp, address.ToString(), context.HttpContext.Connection.LocalPort)
            {
                Path = request.PathBase.Add(request.Path).ToUriComponent(),
                Query = request.QueryString.ToUriComponent(),
            }.Uri;
            var refresh = new HttpRequestMessage(new HttpMethod(request.Method), self); // disposed by RefreshAsync
            refresh.Headers.Host = request.Host.Value;
            foreach (var header in new[] { "Accept", "Prefer" })
                if (request.Headers.TryGetValue(header, out var values))
                    refresh.Headers.TryAddWithoutValidation(header, (IEnumerable<string?>)values);
            refresh.Headers.TryAddWithoutValidation(Header, Secret);
            _ = RefreshAsync(key, refresh);
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        // After the default policy: only an answer it lets be stored (200, no cookie) starts an entry's life.
        if (context.AllowCacheStorage && context.HttpContext.Response.StatusCode == StatusCodes.Status200OK)
        {
            var now = clock.GetUtcNow();
            if (_storedAt.Count >= MaxTracked)
                foreach (var (key, at) in _storedAt)
                    if (now - at > settings.CachedFor)
                        _storedAt.TryRemove(key, out _);
            _storedAt[KeyOf(context.HttpContext.Request)] = now;
        }
        return ValueTask.CompletedTask;
    }

    private async Task RefreshAsync(string key, HttpRequestMessage refresh)
    {
        try
        {
            using var response = await Self.SendAsync(refresh, HttpCompletionOption.ResponseContentRead);
            if (response.StatusCode != HttpStatusCode.OK)
                log.LogDebug("Actualisation du cache de l'annuaire : {Status} pour {Uri}", (int)response.StatusCode, refresh.RequestUri);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            log.LogDebug(e, "Actualisation du cache de l'annuaire impossible pour {Uri}", refresh.RequestUri);
        }
        finally
        {
            refresh.Dispose();
            _refreshing.TryRemove(key, out _);
        }
    }

    private static string KeyOf(HttpRequest request) =>
        $"{request.Method}|{request.Host}|{request.PathBase}{request.Path}|{request.QueryString}|{request.Headers.Accept}|{request.Headers["Prefer"]}";
}
