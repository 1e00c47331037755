using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Conventions.Companies.Reading;

/// <summary>A person of the account as its readers see it (no secret, no client credentials: those were handed over once).</summary>
public sealed record CompanyUserView(Guid UserId, string Name, string Email, bool Administrator, string ClientId, bool Active, bool Removed);

/// <summary>A company's account: its identifier, status, the national council's decision and its people.</summary>
public sealed record CompanyAccount(
    Guid Id, string Identifier, string Country, string LegalName, CompanyAccountStatus Status, DateOnly RequestedOn, DateOnly? DecidedOn,
    string? RefusalReasons, IReadOnlyList<CompanyUserView> Users)
{
    public static CompanyAccount Of(Company c) => new(c.Id, c.Identifier, c.Country, c.LegalName, c.Status, c.RequestedOn, c.DecidedOn, c.RefusalReasons,
        [.. c.Users.Select(u => new CompanyUserView(u.UserId, u.Name, u.Email, u.Administrator, u.ClientId, u.Active, u.Removed))]);
}

/// <summary>GET /companies/{id}: the company's administrator and the national council; anyone else gets 404.</summary>
public static class GetCompanyEndpoint
{
    public static async Task<Results<Ok<CompanyAccount>, ProblemHttpResult>> Handle(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Company>(id, ct) is { } company && CompanyChange.MayRead(company, user)
            ? TypedResults.Ok(CompanyAccount.Of(company))
            : CompanyChange.NotFound(id);
}
