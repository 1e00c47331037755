using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Access;
using Ordre.Conventions.Dossiers;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Conventions.Companies;

/// <summary>What a company account answers after a change: its status and its people (no code, no e-mail).</summary>
public sealed record CompanyChanged(Guid Id, string Identifier, CompanyAccountStatus Status, long Version);

/// <summary>Who reaches a company's account, and the write path of the national council's decisions.</summary>
public static class CompanyChange
{
    public static async Task<Results<Ok<CompanyChanged>, ValidationProblem, ProblemHttpResult>> Apply(
        Guid id, ClaimsPrincipal user, IDocumentSession session, Func<Company, Outcome> decide, CancellationToken ct,
        StreamChange.Consequences? consequences = null)
    {
        var stream = await session.Events.FetchForWriting<Company>(id, ct);
        if (stream.Aggregate is not { } company || !MayRead(company, user))
            return NotFound(id);
        return await StreamChange.DecideAndAppend(stream, company, session, decide,
            (after, version) => new CompanyChanged(id, after.Identifier, after.Status, version), ct, consequences);
    }

    /// <summary>The national council, and the company's own administrator; to anyone else the account does not exist (404).</summary>
    public static bool MayRead(Company company, ClaimsPrincipal user) => user.IsInRole(Roles.NationalCouncil) || MayAdminister(company, user);

    /// <summary>The administrator of this company (role company-admin, the token's company_id is this company's identifier).</summary>
    public static bool MayAdminister(Company company, ClaimsPrincipal user) =>
        user.IsInRole(Roles.CompanyAdministrator) && user.IsInRole(Roles.Company) && DossierChange.CompanyOf(user) == company.Identifier;

    public static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"Aucun compte d'entreprise {id}.");

    public static ProblemHttpResult ProviderUnavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service indisponible");
}
