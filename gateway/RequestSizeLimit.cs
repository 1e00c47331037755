using Yarp.ReverseProxy.Model;

namespace Ordre.Gateway;

/// <summary>
/// Refuses a request whose declared body exceeds its limit with a 413 problem before proxying it: the route's own
/// (<c>MaxRequestBodySize</c> of a route in gateway/appsettings.json, e.g. 50 MiB for the conventions' CSV upload), else
/// Kestrel's. (Left to Kestrel, the limit trips while YARP streams the body and the caller gets a bare 400.)
/// </summary>
public static class RequestSizeLimit
{
    public static WebApplication UseDeclaredBodySizeLimit(this WebApplication app)
    {
        var limit = app.Configuration.GetValue<long?>("Kestrel:Limits:MaxRequestBodySize") ?? 30_000_000;
        app.Use(async (http, next) =>
        {
            var routeLimit = http.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.MaxRequestBodySize is > 0 and var own ? own : limit;
            if (http.Request.ContentLength > routeLimit)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "Requête trop volumineuse",
                        Detail = $"Le corps de la requête dépasse {routeLimit / 1024} Kio.",
                    },
                });
                return;
            }
            await next(http);
        });
        return app;
    }
}
