using System.Text.Json;
using System.Text.RegularExpressions;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.ServiceDefaults.Problems;

/// <summary>
/// Turns the exceptions that describe a caller's mistake or a lost race into 4xx problems, and a dependency that
/// is down (PostgreSQL, the broker) into a 503 with Retry-After, so that a request never answers 500 for
/// something the caller can fix or wait out. Anything else is a logged 500.
/// </summary>
internal sealed partial class ExceptionToProblem(IProblemDetailsService problems, ILogger<ExceptionToProblem> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, detail) = exception switch
        {
            ConcurrencyException
                or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
                or JasperFx.Events.ExistingStreamIdCollisionException
                or Marten.Exceptions.ExistingStreamIdCollisionException =>
                (StatusCodes.Status409Conflict,
                 "Le dossier a été modifié par une autre requête entre-temps. Relisez-le puis recommencez."),
            DocumentAlreadyExistsException =>
                (StatusCodes.Status409Conflict, "Cet élément existe déjà."),
            BadHttpRequestException bad => (bad.StatusCode, FrenchBadRequest(bad)),
            JsonException => (StatusCodes.Status400BadRequest, "Le corps de la requête n'est pas un JSON valide."),
            _ when DependencyFailures.IsDependencyDown(exception) =>
                (StatusCodes.Status503ServiceUnavailable,
                 "Une ressource dont dépend le service (base de données ou messagerie) est momentanément indisponible. "
                 + $"Rien n'a été enregistré ; réessayez dans {DependencyFailures.RetryAfterSeconds} secondes."),
            _ => (StatusCodes.Status500InternalServerError, null),
        };

        if (status == StatusCodes.Status503ServiceUnavailable) // Retry-After: ProblemDetailsSetup adds it to every 503
            logger.LogWarning("Dependency unavailable on {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path,
                DependencyFailures.Chain(exception).Last().Message);
        else if (status >= 500)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        else
            logger.LogInformation("Request refused with {Status}: {Reason}", status, exception.Message);

        context.Response.StatusCode = status;
        var problem = FieldErrors(exception) is { } errors
            ? new HttpValidationProblemDetails(errors) { Status = status, Detail = detail, Title = "Requête invalide" }
            : new ProblemDetails { Status = status, Detail = detail };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    /// <summary>The field a JSON body got wrong (its path, e.g. rpps[0]), so the caller sees where.</summary>
    private static Dictionary<string, string[]>? FieldErrors(Exception exception)
    {
        var json = exception as JsonException ?? (exception as BadHttpRequestException)?.InnerException as JsonException;
        if (json is null) return null;
        var path = json.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : "";
        if (json is InvalidBodyFieldException field)
            return new() { [Join(path, field.Field)] = [field.Message] };
        return new() { [path.Length > 0 ? path : "$"] = ["Valeur illisible ou d'un type inattendu à cet endroit du JSON."] };
    }

    private static string Join(string path, string field) =>
        path.Length == 0 || path.EndsWith(field, StringComparison.Ordinal) ? field : $"{path}.{field}";

    private static string FrenchBadRequest(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "Le corps de la requête dépasse la taille autorisée.",
        StatusCodes.Status415UnsupportedMediaType => "Le corps de la requête doit être du JSON (application/json).",
        _ => exception.InnerException is InvalidBodyFieldException invalid
            ? invalid.Message
            : exception.InnerException is JsonException
            ? "Le corps de la requête n'est pas un JSON valide ou un champ a un type inattendu."
            : exception.Message.Contains("was not provided from body", StringComparison.Ordinal)
            ? "Le corps de la requête est obligatoire (un objet JSON)."
            : BoundParameter().Match(exception.Message) is { Success: true } parameter
            ? $"Le paramètre « {parameter.Groups[1].Value} » est absent ou n'a pas la forme attendue."
            : "La requête est mal formée (en-tête, paramètre ou corps illisible).",
    };

    /// <summary>The parameter ASP.NET Core's binding names in its (English) message: <c>parameter "int page" from "x"</c>.</summary>
    [GeneratedRegex("parameter \"[^\"]*?(\\w+)\"")]
    private static partial Regex BoundParameter();
}
