using Refit;

namespace Ordre.Client;

/// <summary>The gateway's API, route by route. Every call returns the raw response so callers see problems.</summary>
public interface IOrdreApi
{
    [Post("/identity/connect/token")]
    Task<IApiResponse<TokenResponse>> Token([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form);

    [Post("/tableau/inscriptions")]
    Task<IApiResponse<InscriptionCreated>> RequestInscription([Body] InscriptionRequest request, [Authorize] string? token);

    [Get("/tableau/inscriptions/{id}")]
    Task<IApiResponse<Inscription>> GetInscription(Guid id, [Authorize] string? token);

    [Post("/tableau/inscriptions/{id}/decision")]
    Task<IApiResponse<InscriptionDecisionRecorded>> DecideInscription(
        Guid id, [Body] InscriptionDecision decision, [Authorize] string? token, [Header("If-Match")] string? ifMatch = null);

    [Get("/tableau/annuaire")]
    Task<IApiResponse<DirectoryPage>> SearchDirectory(string? name, string? department = null, int? page = null, int? pageSize = null);

    [Get("/dashboard/registrations")]
    Task<IApiResponse<RegistrationFigures>> GetRegistrationFigures([Authorize] string? token);
}
