namespace Ordre.Gateway;

/// <summary>
/// <c>/dashboard</c> without its final slash is redirected (302) to <c>/dashboard/</c>, query string kept: the page's
/// assets are relative (<c>./assets/…</c>), so served at <c>/dashboard</c> they would resolve to <c>/assets/…</c> and
/// break. Only GET and HEAD; the path compared case-insensitively, as the routes are.
/// </summary>
public static class DashboardSlash
{
    public static WebApplication UseDashboardSlash(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if ((HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && string.Equals(http.Request.Path.Value, "/dashboard", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Redirect(http.Request.PathBase + "/dashboard/" + http.Request.QueryString, permanent: false);
                return Task.CompletedTask;
            }
            return next(http);
        });
        return app;
    }
}
