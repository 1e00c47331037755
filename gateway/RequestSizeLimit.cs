namespace Ordre.Gateway;

/// <summary>
/// Refuses a request whose declared body exceeds Kestrel's limit with a 413 problem before proxying it.
/// (Left to Kestrel, the limit trips while YARP streams the body and the caller gets a bare 400.)
/// </summary>
public static class RequestSizeLimit
{
    public static WebApplication UseDeclaredBodySizeLimit(this WebApplication app)
    {
        var limit = app.Configuration.GetValue<long?>("Kestrel:Limits:MaxRequestBodySize") ?? 30_000_000;
        app.Use(async (http, next) =>
        {
            if (http.Request.ContentLength > limit)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "Requête trop volumineuse",
                        Detail = $"Le corps de la requête dépasse {limit / 1024} Kio.",
                    },
                });
                return;
            }
            await next(http);
        });
        return app;
    }
}
