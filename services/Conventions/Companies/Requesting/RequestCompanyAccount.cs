using System.Text.RegularExpressions;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Conventions.Companies.Requesting;

/// <summary>The administrator named in the request: the person who will activate the account and add its users.</summary>
public sealed record AdministratorRequest([property: MaxText(TextLimits.Name)] string? Name, [property: MaxText(TextLimits.Line)] string? Email);

/// <summary>
/// Body of POST /companies (anonymous): the company's legal name, its identifier — a SIREN or SIRET (<paramref name="Country"/>
/// empty or "FR"), or for a foreign company its ISO country code and registration number (EU VAT…) — and its administrator.
/// </summary>
public sealed record RequestCompanyAccount(
    [property: MaxText(TextLimits.Line)] string? LegalName, [property: MaxText(TextLimits.Code)] string? Country,
    [property: MaxText(TextLimits.Code)] string? Identifier, AdministratorRequest? Administrator);

/// <summary>An account requested; <paramref name="ActivationCodeHash"/>: SHA-256 of the one-time code handed to the requester.</summary>
public sealed record CompanyAccountRequested(
    Guid CompanyId, string Identifier, string Country, string LegalName, Guid AdministratorId, string AdministratorName,
    string AdministratorEmail, string ActivationCodeHash, DateOnly On) : IChanges<Company>;

/// <summary>Keeps one account per company identifier while a request is pending or approved (deleted on refusal).</summary>
public sealed record CompanyIdentifierTaken(string Id, Guid CompanyId);

/// <summary>The answer, once: the account's id and the activation code (to use after the national council approves).</summary>
public sealed record CompanyAccountRequestAnswer(Guid Id, string Identifier, CompanyAccountStatus Status, string ActivationCode);

public static partial class RequestCompanyAccountEndpoint
{
    public static async Task<Results<Created<CompanyAccountRequestAnswer>, ValidationProblem, ProblemHttpResult>> Handle(
        RequestCompanyAccount request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var code = CompanyCredentials.NewActivationCode();
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        switch (Decide(request, id, Guid.CreateVersion7(clock.GetUtcNow()), CompanyCredentials.HashOf(code), ParisCalendar.Today(clock)))
        {
            case Outcome.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors, title: "Demande de compte invalide");
            case Outcome.Accepted { Events: [CompanyAccountRequested requested] }:
                if (await session.LoadAsync<CompanyIdentifierTaken>(requested.Identifier, ct) is not null)
                    return AlreadyRequested(requested.Identifier);
                session.Events.StartStream<Company>(id, requested);
                session.Insert(new CompanyIdentifierTaken(requested.Identifier, id));
                try
                {
                    await session.SaveChangesAsync(ct);
                }
                catch (DocumentAlreadyExistsException)
                {
                    return AlreadyRequested(requested.Identifier);
                }
                return TypedResults.Created($"/companies/{id}", new CompanyAccountRequestAnswer(id, requested.Identifier, CompanyAccountStatus.Requested, code));
            default:
                throw new InvalidOperationException("unexpected outcome");
        }
    }

    private static ProblemHttpResult AlreadyRequested(string identifier) =>
        Problems.Conflict($"Un compte est déjà demandé ou ouvert pour l'entreprise {identifier} : son administrateur ajoute les utilisateurs.");

    /// <summary>A request names the company by a valid identifier, its legal name and its administrator (name, e-mail).</summary>
    public static Outcome Decide(RequestCompanyAccount request, Guid companyId, Guid administratorId, string activationCodeHash, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.LegalName) || request.LegalName.Any(char.IsControl))
            errors["legalName"] = ["Indiquez la dénomination sociale de l'entreprise."];
        if (!CompanyIdentifier.TryParse(request.Country, request.Identifier, out var identifier, out var wrong))
            errors["identifier"] = [wrong];
        if (string.IsNullOrWhiteSpace(request.Administrator?.Name) || request.Administrator.Name.Any(char.IsControl))
            errors["administrator.name"] = ["Indiquez le nom de l'administrateur du compte."];
        if (!IsEmail(request.Administrator?.Email))
            errors["administrator.email"] = ["Indiquez l'adresse électronique de l'administrateur (nom@domaine.fr)."];
        if (errors.Count > 0 || identifier is null)
            return new Outcome.Invalid(errors);
        return new Outcome.Accepted(new CompanyAccountRequested(companyId, identifier.Value, identifier.Country, request.LegalName!.Trim(), administratorId,
            request.Administrator!.Name!.Trim(), request.Administrator.Email!.Trim(), activationCodeHash, today));
    }

    public static bool IsEmail(string? email) => email?.Trim() is { Length: > 0 and <= TextLimits.Line } trimmed && EmailFormat().IsMatch(trimmed);

    [GeneratedRegex(@"^[^@\s\p{C}]{1,64}@[^@\s\p{C}]+\.[^@\s\p{C}]{2,}$")]
    private static partial Regex EmailFormat();
}
