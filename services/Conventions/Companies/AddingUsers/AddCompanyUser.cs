using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Conventions.Companies.Requesting;
using Ordre.ServiceDefaults.Requests;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Conventions.Companies.AddingUsers;

/// <summary>Body of POST /companies/{id}/users: the person's name and e-mail (one active user per e-mail in the company).</summary>
public sealed record AddCompanyUser([property: MaxText(TextLimits.Name)] string? Name, [property: MaxText(TextLimits.Line)] string? Email);

public sealed record CompanyUserAdded(Guid CompanyId, Guid UserId, string Name, string Email, string ClientId, DateOnly On, string By) : IChanges<Company>;

/// <summary>POST /companies/{id}/users: the company's administrator adds a user, whose credentials are answered once.</summary>
public static class AddCompanyUserEndpoint
{
    public static async Task<Results<Created<IssuedCredentials>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, AddCompanyUser request, ClaimsPrincipal user, IDocumentSession session, IIdentityCompanyClients identity, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Company>(id, ct);
        if (stream.Aggregate is not { } company || !CompanyChange.MayAdminister(company, user))
            return CompanyChange.NotFound(id);
        var userId = Guid.CreateVersion7(clock.GetUtcNow());
        switch (Decide(company, request, userId, ParisCalendar.Today(clock), user.Actor()))
        {
            case Outcome.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors, title: "Utilisateur invalide");
            case Outcome.NotAllowed notAllowed:
                return Problems.Conflict(notAllowed.Reason);
            case Outcome.Accepted accepted:
                if (accepted.Events.Length > 0)
                {
                    stream.AppendMany(accepted.Events);
                    await session.SaveChangesAsync(ct);
                    company = accepted.Events.Aggregate(company, Evolution<Company>.Apply);
                }
                var added = UserOf(company, request.Email!);
                return await CredentialsIssuing.IssueAsync(company, added, identity, session, clock, ct) is { } issued
                    ? TypedResults.Created($"/companies/{id}/users/{added.UserId}", issued)
                    : CompanyChange.ProviderUnavailable(CredentialsIssuing.ProviderDown);
            default:
                throw new InvalidOperationException("unknown outcome");
        }
    }

    /// <summary>
    /// An active account adds a user by name and e-mail. The same e-mail again: while the credentials were never handed
    /// over (the provider failed), a retry that provisions them; once handed over, 409 (the same person is not added twice).
    /// </summary>
    public static Outcome Decide(Company company, AddCompanyUser request, Guid userId, DateOnly today, string by)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Any(char.IsControl))
            errors["name"] = ["Indiquez le nom de l'utilisateur."];
        if (!RequestCompanyAccountEndpoint.IsEmail(request.Email))
            errors["email"] = ["Indiquez l'adresse électronique de l'utilisateur (nom@domaine.fr)."];
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);
        if (company.Status != CompanyAccountStatus.Approved || !company.Administrator.Active)
            return new Outcome.NotAllowed("Le compte n'est pas encore activé par son administrateur.");
        var email = request.Email!.Trim();
        if (company.Users.FirstOrDefault(u => !u.Removed && string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)) is { } existing)
            return existing.CredentialsIssued || existing.Administrator
                ? new Outcome.NotAllowed($"{email} est déjà un utilisateur du compte.")
                : new Outcome.Accepted();
        return new Outcome.Accepted(new CompanyUserAdded(company.Id, userId, request.Name!.Trim(), email, CompanyCredentials.ClientIdOf(userId), today, by));
    }

    private static CompanyUser UserOf(Company company, string email) =>
        company.Users.Last(u => !u.Removed && string.Equals(u.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
}
