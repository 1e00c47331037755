using System.Text.Json.Serialization;

namespace Ordre.Client;

public sealed record Diploma(string? Title, string? IssuedBy, DateOnly IssuedOn);

public sealed record InscriptionRequest(
    string? Rpps, string? Department, string? LastName, string? FirstName, DateOnly? BirthDate, Diploma? Diploma, string? Specialty,
    IReadOnlyList<string>? MissingDocuments = null, bool InvestigationAbroad = false);

public sealed record InscriptionCreated(Guid Id, long Version);

public sealed record InscriptionDecision(string? Outcome, IReadOnlyList<string>? Motives = null, DateOnly? DecidedOn = null)
{
    public static InscriptionDecision Grant() => new("Granted");
    public static InscriptionDecision Refuse(params string[] motives) => new("Refused", motives);
}

public sealed record InscriptionDecisionRecorded(Guid Id, string Status, long Version);

public sealed record Inscription(
    Guid Id, string Rpps, string Department, string LastName, string FirstName, DateOnly BirthDate,
    Diploma Diploma, string Specialty, DateOnly RequestedOn, string Status, DateOnly? DecidedOn, IReadOnlyList<string> RefusalMotives,
    string? Rapporteur = null, DateOnly? DecisionDueOn = null, DateOnly? AppealDeadline = null);

public sealed record PublicAddress(string Line, string PostalCode, string City, string? Phone);

public sealed record PublicDoctor(
    string Rpps, string LastName, string FirstName, string Specialty, IReadOnlyList<string> Qualifications,
    string Department, string Activity, PublicAddress? Address);

public sealed record RegisterEntry(
    string Rpps, string Department, string LastName, string FirstName, string Specialty, DateOnly RegisteredOn,
    string Status, string Activity, PublicAddress? Address, IReadOnlyList<string> Qualifications, string? TransferTo);

public sealed record RegisterChange(long Version, string Change, DateTimeOffset RecordedAt);

public sealed record RegisterHistory(string Rpps, IReadOnlyList<RegisterChange> Changes);

public sealed record RegisterEntryChanged(string Rpps, string Status, string Activity, string Department, long Version);

public sealed record DirectoryPage(IReadOnlyList<PublicDoctor> Items, int Page, int PageSize, long Total, DateOnly? AsOf = null);

public sealed record DepartmentFigures(string Department, int Registered, int Refused, int ImplicitlyRejected = 0);

public sealed record RegistrationFigures(int Registered, int Refused, IReadOnlyList<DepartmentFigures> Departments);

/// <summary>The OAuth 2.0 token response (snake_case on the wire).</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);

public sealed record LookupRequest(IReadOnlyList<string> Rpps);

public sealed record PractitionerStatusJson(
    string Rpps, bool Known, bool Registered, string? Status, string? Department, bool MayPractise,
    IReadOnlyList<string>? Restrictions, IReadOnlyList<string>? Specialties);

public sealed record Complainant(string Kind, string Name);

public sealed record ComplaintRequest(string Rpps, Complainant Complainant, IReadOnlyList<string> Grounds);

public sealed record ComplaintCreated(Guid Id, DateOnly ConciliationDueOn, DateOnly TransmissionDueOn);

public sealed record ComplaintChanged(Guid Id, string Status, long Version, Guid? CaseId);

public sealed record ComplaintSummary(Guid Id, string Rpps, string Department, string Status);

public sealed record ComplaintPage(IReadOnlyList<ComplaintSummary> Items, int Page, int PageSize, long Total);

public sealed record CaseChanged(Guid Id, string Status, long Version);

public sealed record CaseLawSheetRequest(string Title, string Summary, IReadOnlyList<string> Themes);

public sealed record CaseLawSheetCreated(string Reference, int Number, string Title, string Summary);

/// <summary>A public case-law sheet: named by its public reference only (no internal id).</summary>
public sealed record CaseLawSheet(string Reference, string Decision, int Number, string Title, string Summary, IReadOnlyList<string> Themes, string Sanction, DateOnly DecidedOn, string Department);

public sealed record CaseLawPage(IReadOnlyList<CaseLawSheet> Items, int Page, int PageSize, long Total);
