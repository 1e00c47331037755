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

    /// <summary>POST /tableau/inscriptions/{id}/{step}: documents-requested, completion, rapporteur, expertise, notification, appeals…</summary>
    [Post("/tableau/inscriptions/{id}/{**step}")]
    Task<IApiResponse<InscriptionDecisionRecorded>> ChangeInscription(Guid id, string step, [Body] object body, [Authorize] string? token);

    [Get("/tableau/annuaire")]
    Task<IApiResponse<DirectoryPage>> SearchDirectory(
        string? name, string? department = null, int? page = null, int? pageSize = null,
        string? city = null, string? qualification = null, string? rpps = null, [Authorize] string? token = null, string? asOf = null);

    [Get("/tableau/register/{rpps}")]
    Task<IApiResponse<RegisterEntry>> GetRegisterEntry(string rpps, [Authorize] string? token);

    [Get("/tableau/register/{rpps}/history")]
    Task<IApiResponse<RegisterHistory>> GetRegisterHistory(string rpps, [Authorize] string? token);

    /// <summary>POST /tableau/register/{rpps}/{change}: activity, address, qualifications, transfer, suspensions, striking-off, death…</summary>
    [Post("/tableau/register/{rpps}/{**change}")]
    Task<IApiResponse<RegisterEntryChanged>> ChangeRegisterEntry(string rpps, string change, [Body] object body, [Authorize] string? token);

    /// <summary>The practitioner lookup for councils; the JSON is the protobuf form of PractitionerStatus.</summary>
    [Post("/tableau/lookup")]
    Task<IApiResponse<List<PractitionerStatusJson>>> LookUp([Body] LookupRequest request, [Authorize] string? token);

    [Post("/discipline/complaints")]
    Task<IApiResponse<ComplaintCreated>> RegisterComplaint([Body] ComplaintRequest request, [Authorize] string? token);

    [Get("/discipline/complaints")]
    Task<IApiResponse<ComplaintPage>> ListComplaints([Authorize] string? token, int? page = null, int? pageSize = null);

    /// <summary>POST /discipline/complaints/{id}/{step}: acknowledgement, conciliators, convocation, conciliation, withdrawal, transmission, recourse, referral.</summary>
    [Post("/discipline/complaints/{id}/{**step}")]
    Task<IApiResponse<ComplaintChanged>> ChangeComplaint(Guid id, string step, [Body] object body, [Authorize] string? token);

    /// <summary>POST /discipline/cases/{id}/{step}: rapporteur, hearing, hearing/held, decision, notification, appeal, appeal/decision, cassation, move…</summary>
    [Post("/discipline/cases/{id}/{**step}")]
    Task<IApiResponse<CaseChanged>> ChangeCase(Guid id, string step, [Body] object body, [Authorize] string? token);

    [Post("/discipline/cases/{id}/case-law-sheets")]
    Task<IApiResponse<CaseLawSheetCreated>> PublishCaseLawSheet(Guid id, [Body] CaseLawSheetRequest sheet, [Authorize] string? token);

    [Get("/discipline/case-law")]
    Task<IApiResponse<CaseLawPage>> SearchCaseLaw(string? q = null, string? sanction = null, DateOnly? from = null, DateOnly? to = null, int? page = null, int? pageSize = null);

    [Get("/dashboard/registrations")]
    Task<IApiResponse<RegistrationFigures>> GetRegistrationFigures([Authorize] string? token);
}
