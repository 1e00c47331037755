using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Conventions.Companies.Requesting;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Conventions.Companies.Refusing;

/// <summary>Body of POST /companies/{id}/refusal: the reasons, required.</summary>
public sealed record RefuseCompanyAccount([property: MaxText(TextLimits.Text)] string? Reasons);

/// <summary><paramref name="Identifier"/>: the company's, free again for a new request.</summary>
public sealed record CompanyAccountRefused(Guid CompanyId, string Identifier, string Reasons, DateOnly On, string By) : IChanges<Company>;

/// <summary>POST /companies/{id}/refusal: the national council refuses a requested account, with its reasons; the company may ask again.</summary>
public static class RefuseCompanyAccountEndpoint
{
    public static Task<Results<Ok<CompanyChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RefuseCompanyAccount request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        CompanyChange.Apply(id, user, session, company => Decide(company, request, ParisCalendar.Today(clock), user.Actor()), ct,
            events =>
            {
                // The identifier is free again for a new request, in the same transaction as the refusal.
                foreach (var refused in events.OfType<CompanyAccountRefused>())
                    session.Delete<CompanyIdentifierTaken>(refused.Identifier);
                return Task.FromResult<string?>(null);
            });

    /// <summary>Only a requested account is refused, with reasons; an approved one is not taken back here.</summary>
    public static Outcome Decide(Company company, RefuseCompanyAccount request, DateOnly today, string by)
    {
        if (string.IsNullOrWhiteSpace(request.Reasons))
            return Outcome.Field("reasons", "Un refus est motivé : indiquez ses motifs.");
        return company.Status switch
        {
            CompanyAccountStatus.Requested => new Outcome.Accepted(new CompanyAccountRefused(company.Id, company.Identifier, request.Reasons.Trim(), today, by)),
            CompanyAccountStatus.Refused => new Outcome.NotAllowed("La demande a déjà été refusée."),
            _ => new Outcome.NotAllowed("Le compte a déjà été approuvé."),
        };
    }
}
