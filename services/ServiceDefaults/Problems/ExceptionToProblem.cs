using System.Text.Json;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Ordre.ServiceDefaults.Problems;

/// <summary>
/// Turns the exceptions that describe a caller's mistake or a lost race into 4xx problems, so that
/// a request never answers 5xx for something the caller can fix. Anything else is a logged 500.
/// </summary>
internal sealed class ExceptionToProblem(IProblemDetailsService problems, ILogger<ExceptionToProblem> logger)
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
            _ => (StatusCodes.Status500InternalServerError, null),
        };

        if (status >= 500)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        else
            logger.LogInformation("Request refused with {Status}: {Reason}", status, exception.Message);

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }

    private static string FrenchBadRequest(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "Le corps de la requête dépasse la taille autorisée.",
        StatusCodes.Status415UnsupportedMediaType => "Le corps de la requête doit être du JSON (application/json).",
        _ => exception.InnerException is JsonException
            ? "Le corps de la requête n'est pas un JSON valide ou un champ a un type inattendu."
            : "La requête est mal formée : " + exception.Message,
    };
}
