using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Ordre.ServiceDefaults.Problems;

/// <summary>
/// Every 4xx/5xx leaves as RFC 9457 problem details (application/problem+json), with a French title
/// a person can read and the trace id that finds the request in the logs.
/// </summary>
public static class ProblemDetailsSetup
{
    private static readonly Dictionary<int, string> FrenchTitles = new()
    {
        [400] = "Requête invalide",
        [401] = "Authentification requise",
        [403] = "Accès refusé",
        [404] = "Ressource introuvable",
        [405] = "Méthode non autorisée",
        [409] = "Conflit avec l'état actuel",
        [412] = "Version attendue périmée",
        [413] = "Requête trop volumineuse",
        [415] = "Type de contenu non pris en charge",
        [422] = "Requête non traitable",
        [428] = "Version attendue requise",
        [429] = "Trop de requêtes",
        [500] = "Erreur interne",
        [503] = "Service indisponible",
    };

    public static IServiceCollection AddOrdreProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            // Framework defaults are English; replace them, keep titles our code chose.
            if (FrenchTitles.TryGetValue(status, out var title) && IsFrameworkTitle(problem.Title))
                problem.Title = title;
            problem.Instance ??= context.HttpContext.Request.Path;
            if (problem is HttpValidationProblemDetails validation)
                CamelCaseFields(validation.Errors);
            // Every 503 (a database down, the Tableau unreachable over gRPC…) tells the caller when to retry.
            if (status == StatusCodes.Status503ServiceUnavailable && !context.HttpContext.Response.Headers.ContainsKey(HeaderNames.RetryAfter))
                context.HttpContext.Response.Headers.RetryAfter = DependencyFailures.RetryAfterSeconds.ToString();
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ExceptionToProblem>();
        return services;
    }

    public static WebApplication UseOrdreProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Empty 401/403/404/405/429 responses get a problem details body too.
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// Field errors name the fields as the JSON body does ("lastName", "diploma.title", "rpps[0]"): .NET's validation
    /// names them after the C# properties ("LastName", "Diploma.Title").
    /// </summary>
    private static void CamelCaseFields(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var json = string.Join('.', key.Split('.').Select(part => part.Length > 0 && char.IsUpper(part[0]) ? char.ToLowerInvariant(part[0]) + part[1..] : part));
            if (json == key) continue;
            var messages = errors[key];
            errors.Remove(key);
            errors[json] = errors.TryGetValue(json, out var existing) ? [.. existing, .. messages] : messages;
        }
    }

    // The English titles ASP.NET Core fills in by itself (ProblemDetailsDefaults and validation).
    private static readonly HashSet<string> FrameworkTitles =
    [
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Method Not Allowed", "Conflict",
        "Precondition Failed", "Payload Too Large", "Request Entity Too Large", "Unsupported Media Type",
        "Unprocessable Entity", "Precondition Required", "Too Many Requests", "Service Unavailable",
        "Internal Server Error", "An error occurred while processing your request.",
        "One or more validation errors occurred.",
    ];

    private static bool IsFrameworkTitle(string? title) => string.IsNullOrEmpty(title) || FrameworkTitles.Contains(title);
}
