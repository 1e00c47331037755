using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ordre.ServiceDefaults.Problems;

/// <summary>
/// Runs a request once more when its first run met a pooled connection that PostgreSQL had closed (a server
/// restart, pg_terminate_backend): the server said so instead of answering, so nothing was committed, and the
/// second run re-reads and re-decides from scratch on new connections (not a replay of computed writes).
/// Marten's own retries cover idempotent reads only; its commit path deliberately does not retry.
/// Anything else, or a second failure, goes to the exception handler (503 when the database is down).
/// </summary>
public static class BrokenConnectionRetry
{
    public static WebApplication UseBrokenConnectionRetry(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BrokenConnectionRetry));
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
                context.Request.EnableBuffering();
            try
            {
                await next(context);
            }
            catch (Exception e) when (DependencyFailures.IsBrokenPooledConnection(e) && !context.Response.HasStarted
                                      && !context.RequestAborted.IsCancellationRequested)
            {
                logger.LogWarning("PostgreSQL closed a pooled connection under {Method} {Path}; running the request once more on a new connection",
                    context.Request.Method, context.Request.Path);
                // The same restart closed the pool's other idle connections too: open new ones.
                NpgsqlConnection.ClearAllPools();
                if (context.Request.Body.CanSeek) context.Request.Body.Position = 0;
                context.Response.Clear();
                await next(context);
            }
        });
        return app;
    }
}
