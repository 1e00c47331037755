using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Conventions.Companies.Activating;

/// <summary>Body of POST /companies/{id}/activation (anonymous): the one-time code given when the account was requested.</summary>
public sealed record ActivateAdministrator([property: Ordre.ServiceDefaults.Requests.MaxText(100)] string? ActivationCode);

public sealed record CompanyAdministratorActivated(Guid CompanyId, Guid UserId, string ClientId, DateOnly On) : IChanges<Company>;

/// <summary>The administrator's client credentials, given once: client_id and client_secret for the client-credentials grant.</summary>
public sealed record AdministratorCredentials(Guid CompanyId, string ClientId, string ClientSecret);

public static class ActivateAdministratorEndpoint
{
    /// <summary>The one answer to every refusal (unknown account, wrong code, not approved, already activated): nothing leaks.</summary>
    public const string Refusal = "Ce code n'active aucun compte.";

    public static async Task<Results<Ok<AdministratorCredentials>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ActivateAdministrator request, IDocumentSession session, IIdentityCompanyClients identity, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ActivationCode))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["activationCode"] = ["Indiquez le code d'activation reçu à la demande du compte."] },
                title: "Activation invalide");
        var stream = await session.Events.FetchForWriting<Company>(id, ct);
        if (stream.Aggregate is not { } company)
            return Refused();
        switch (Decide(company, request.ActivationCode, ParisCalendar.Today(clock)))
        {
            case Outcome.Accepted accepted:
                if (accepted.Events.Length > 0)
                {
                    stream.AppendMany(accepted.Events);
                    await session.SaveChangesAsync(ct);
                    company = accepted.Events.Aggregate(company, Evolution<Company>.Apply);
                }
                return await CredentialsIssuing.IssueAsync(company, company.Administrator, identity, session, clock, ct) is { } issued
                    ? TypedResults.Ok(new AdministratorCredentials(id, issued.ClientId, issued.ClientSecret))
                    : CompanyChange.ProviderUnavailable(CredentialsIssuing.ProviderDown);
            default:
                return Refused();
        }
    }

    private static ProblemHttpResult Refused() => Problems.Forbidden(Refusal);

    /// <summary>
    /// An approved account is activated with its code, once: the administrator becomes active. The same code again, while
    /// the credentials were never handed over (the provider failed), provisions them again; after that it activates nothing.
    /// </summary>
    public static Outcome Decide(Company company, string? code, DateOnly today)
    {
        var administrator = company.Administrator;
        if (company.Status != CompanyAccountStatus.Approved || !CompanyCredentials.Matches(code, company.ActivationCodeHash)
            || administrator.CredentialsIssued || administrator.Removed)
            return new Outcome.NotAllowed(Refusal);
        return administrator.Active
            ? new Outcome.Accepted()
            : new Outcome.Accepted(new CompanyAdministratorActivated(company.Id, administrator.UserId, administrator.ClientId, today));
    }
}
