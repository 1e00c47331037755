using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Ordre.ServiceDefaults.Problems;

/// <summary>
/// Input no endpoint can make sense of, refused once for all of them after authentication and authorization
/// and before any handler:
/// <list type="bullet">
/// <item>the nil uuid (00000000-0000-0000-0000-000000000000) in the route names nothing we ever create (ids are
/// v7 GUIDs, and Marten refuses the empty GUID as a stream id): 404;</item>
/// <item>a NUL character in the query string (PostgreSQL refuses it in text): 400 naming the parameter;</item>
/// <item>a body whose declared charset .NET does not know (the JSON reader would throw): 415.</item>
/// </list>
/// NUL inside a JSON body is refused by <see cref="Requests.BodyRules"/>; in the path, Kestrel itself refuses it.
/// </summary>
public static class HostileInput
{
    public static WebApplication UseHostileInputRefusal(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            foreach (var (name, value) in context.Request.RouteValues)
                if (value is string text && Guid.TryParse(text, out var id) && id == Guid.Empty)
                {
                    await Refuse(context, StatusCodes.Status404NotFound, "Ressource introuvable",
                        $"L'identifiant nul ne désigne aucun dossier ({name}).");
                    return;
                }

            // FHIR answers its own OperationOutcome for control characters (Tableau/Annuaire/Fhir).
            var fhir = context.Request.Path.StartsWithSegments("/fhir");
            foreach (var (name, values) in context.Request.Query)
                if (!fhir && values.Any(v => v?.Contains('\0') == true))
                {
                    await Refuse(context, StatusCodes.Status400BadRequest, "Requête invalide",
                        "Le caractère nul (U+0000) n'est admis dans aucun paramètre.", name);
                    return;
                }

            if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.Charset.HasValue && !IsKnown(type.Charset.Value!))
            {
                await Refuse(context, StatusCodes.Status415UnsupportedMediaType, "Type de contenu non pris en charge",
                    $"Le jeu de caractères « {type.Charset.Value} » n'est pas pris en charge : envoyez du JSON en UTF-8.");
                return;
            }
            await next(context);
        });
        return app;
    }

    private static bool IsKnown(string charset)
    {
        try
        {
            Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Task Refuse(HttpContext context, int status, string title, string detail, string? field = null)
    {
        context.Response.StatusCode = status;
        var problem = field is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] });
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }
}
