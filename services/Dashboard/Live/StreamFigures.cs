using System.Text.Json;

namespace Ordre.Dashboard.Live;

/// <summary>
/// <c>GET /api/stream</c>: server-sent events. <c>event: figures</c> with <c>{"year":…,"version":…}</c> each time the
/// figures changed, at most one per <see cref="Coalesce"/>, and a <c>: keep-alive</c> comment every
/// <see cref="KeepAlive"/>. The page refetches <c>/api/figures</c> on each event.
/// </summary>
public static class StreamFiguresEndpoint
{
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task Handle(HttpContext http, FiguresVersion versions, CancellationToken ct)
    {
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        // A proxy that buffers (nginx) would hold the events back.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var seen = versions.Current.Version;
        try
        {
            await http.Response.WriteAsync(": keep-alive\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                var changed = versions.ChangedSince(seen);
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var keepAlive = Task.Delay(KeepAlive, quiet.Token);
                var first = await Task.WhenAny(changed, keepAlive);
                await quiet.CancelAsync(); // no timer left behind when the figures changed first
                if (first != changed)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    continue;
                }
                var current = versions.Current;
                seen = current.Version;
                var data = JsonSerializer.Serialize(new { year = current.Year, version = current.Version });
                await http.Response.WriteAsync($"event: figures\ndata: {data}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
                await Task.Delay(Coalesce, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }
}
