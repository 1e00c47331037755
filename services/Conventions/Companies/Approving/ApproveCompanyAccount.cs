using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Conventions.Companies.Approving;

public sealed record CompanyAccountApproved(Guid CompanyId, DateOnly On, string By) : IChanges<Company>;

/// <summary>POST /companies/{id}/approval: the national council approves a requested account.</summary>
public static class ApproveCompanyAccountEndpoint
{
    public static Task<Results<Ok<CompanyChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        CompanyChange.Apply(id, user, session, company => Decide(company, ParisCalendar.Today(clock), user.Actor()), ct);

    /// <summary>A requested account is approved once (approving it again changes nothing); a refused one stays refused.</summary>
    public static Outcome Decide(Company company, DateOnly today, string by) => company.Status switch
    {
        CompanyAccountStatus.Requested => new Outcome.Accepted(new CompanyAccountApproved(company.Id, today, by)),
        CompanyAccountStatus.Approved => new Outcome.Accepted(),
        _ => new Outcome.NotAllowed("La demande a été refusée : l'entreprise dépose une nouvelle demande."),
    };
}
