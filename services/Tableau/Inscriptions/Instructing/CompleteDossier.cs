using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Inscriptions.Instructing;

/// <summary>Body of POST /inscriptions/{id}/completion.</summary>
public sealed record CompleteDossier(bool InvestigationAbroad);

/// <summary>The dossier is complete: the council must decide by <paramref name="DecisionDueOn"/>, or its silence is a rejection.</summary>
public sealed record DossierCompleted(Guid InscriptionId, DateOnly On, bool InvestigationAbroad, DateOnly DecisionDueOn, string By) : IChanges<Inscription>;

public static class CompleteDossierEndpoint
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, CompleteDossier command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier, d => Decide(d, command, today, user.Actor()), ct);
    }

    /// <summary>The decision is due 3 months after completion, 6 with an investigation abroad (<see cref="InscriptionRules"/>).</summary>
    public static Outcome Decide(Inscription dossier, CompleteDossier command, DateOnly today, string by) =>
        dossier.Status == InscriptionStatus.Incomplete
            ? new Outcome.Accepted(new DossierCompleted(dossier.Id, today, command.InvestigationAbroad,
                InscriptionRules.DecisionDue(today, command.InvestigationAbroad), by))
            : new Outcome.NotAllowed("Seul un dossier incomplet peut être déclaré complet.");
}
