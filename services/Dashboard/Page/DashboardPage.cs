using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Ordre.Dashboard.Page;

/// <summary>
/// The dashboard's web page (issue 14 §3; front end in web/, docs/dashboard-web.md): <c>index.html</c> at <c>/</c>
/// (the gateway's <c>/dashboard/</c>), never cached long, and the bundled assets at <c>/assets/{file}</c>, whose names
/// carry a hash of their content, cached for a year. Anonymous: the page holds no data; every datum comes from the
/// API with the bearer token. Files come from <c>wwwroot</c> beside the assembly (written by <c>npm run build</c>
/// during the project's build and copied to the output).
/// </summary>
public static class DashboardPage
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static WebApplication MapDashboardPage(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        IFileProvider files = Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();

        app.MapGet("/", (HttpContext http) => Serve(http, files, "index.html", "no-cache"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/index.html", (HttpContext http) => Serve(http, files, "index.html", "no-cache"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/assets/{file}", (HttpContext http, string file) => Serve(http, files, "assets/" + file, "public, max-age=31536000, immutable"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, IFileProvider files, string path, string cacheControl)
    {
        var file = path.Contains("..", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal) ? null : files.GetFileInfo(path);
        if (file is null || !file.Exists || file.IsDirectory || file.PhysicalPath is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Fichier introuvable",
                detail: path == "index.html"
                    ? "La page du tableau de bord n'est pas construite : lancez « npm ci && npm run build » dans services/Dashboard/web (la compilation du service le fait)."
                    : "Ce fichier n'existe pas dans la page du tableau de bord.");
        http.Response.Headers.CacheControl = cacheControl;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (path == "index.html")
        {
            // Only the page's own scripts and styles, the API and the identity provider on the same origin.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
        }
        var contentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal))
            contentType += "; charset=utf-8";
        return Results.File(file.PhysicalPath, contentType, lastModified: file.LastModified, enableRangeProcessing: false);
    }
}
