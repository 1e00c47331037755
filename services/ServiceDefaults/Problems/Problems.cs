using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.ServiceDefaults.Problems;

/// <summary>Typed problem results with French text, for handlers that refuse a request.</summary>
public static class Problems
{
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Accès refusé");

    /// <summary>
    /// The record lies outside the caller's jurisdiction (Auth/Jurisdiction). Marked with the code "hors-ressort"
    /// so a client (and the role × endpoint matrix test) tells it from a refusal of the act itself.
    /// </summary>
    public static ProblemHttpResult OutsideJurisdiction(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Hors du ressort de l'appelant",
            extensions: new Dictionary<string, object?> { ["code"] = OutsideJurisdictionCode });

    public const string OutsideJurisdictionCode = "hors-ressort";

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Ressource introuvable");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflit avec l'état actuel");

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "Version attendue périmée");

    public static ProblemHttpResult Unprocessable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Requête non traitable");
}
