using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Lps.Registering;

public sealed record LpsDeclarationRegistered(Guid DeclarationId, DateOnly On, DateOnly ValidUntil, string By) : IChanges<LpsDeclaration>;

/// <summary>POST /lps-declarations/{id}/registration: the national council registers the service for a year.</summary>
public static class RegisterLpsEndpoint
{
    public static Task<Results<Ok<LpsDeclaration>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return LpsChange.Apply(id, session, d => Decide(d, today, user.Actor()), ct);
    }

    public static Outcome Decide(LpsDeclaration declaration, DateOnly today, string by) => declaration.Status == LpsStatus.Received
        ? new Outcome.Accepted(new LpsDeclarationRegistered(declaration.Id, today, LpsRules.ValidUntil(today), by))
        : new Outcome.NotAllowed("Cette déclaration a déjà été enregistrée.");
}
