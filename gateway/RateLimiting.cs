using System.Threading.RateLimiting;

namespace Ordre.Gateway;

/// <summary>
/// Anonymous routes (the public directory, the token endpoint) are limited per client address;
/// a refused request gets 429 problem details with Retry-After.
/// </summary>
public static class RateLimiting
{
    public const string PublicPolicy = "public";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:Public:PermitLimit", 100);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimiting:Public:WindowSeconds", 1.0));

        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(PublicPolicy, http => DirectoryRefreshAhead.IsRefresh(http)
                ? RateLimitPartition.GetNoLimiter("actualisation-du-cache") // the gateway refreshing its own cache, not a client
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "inconnu",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString("0");
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Trop de requêtes",
                        Detail = "Trop de recherches en peu de temps depuis votre adresse. Réessayez dans quelques secondes.",
                    },
                });
            };
        });
    }
}
