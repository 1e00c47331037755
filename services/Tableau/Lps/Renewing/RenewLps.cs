using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Lps.Renewing;

public sealed record LpsDeclarationRenewed(Guid DeclarationId, DateOnly On, DateOnly ValidUntil, string By) : IChanges<LpsDeclaration>;

/// <summary>POST /lps-declarations/{id}/renewal: the declaration is renewed each year.</summary>
public static class RenewLpsEndpoint
{
    public static Task<Results<Ok<LpsDeclaration>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return LpsChange.Apply(id, session, d => Decide(d, today, user.Actor()), ct);
    }

    /// <summary>A renewal adds a year after the current validity, or from today once it has lapsed.</summary>
    public static Outcome Decide(LpsDeclaration declaration, DateOnly today, string by)
    {
        if (declaration.Status == LpsStatus.Received)
            return new Outcome.NotAllowed("Une déclaration s'enregistre avant de se renouveler.");
        var from = declaration.ValidUntil is { } until && until >= today ? until.AddDays(1) : today;
        return new Outcome.Accepted(new LpsDeclarationRenewed(declaration.Id, today, LpsRules.ValidUntil(from), by));
    }
}
