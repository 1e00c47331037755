using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Discipline.Chambers.MovingCase;

/// <summary>Body of POST /cases/{id}/move.</summary>
public sealed record MoveCase([property: MaxText(TextLimits.Code)] string? ToRegion);

/// <summary>The national chamber's president moved an overdue case to another region's chamber, which has 6 new months.</summary>
public sealed record CaseMovedToAnotherChamber(Guid CaseId, string FromRegion, string ToRegion, DateOnly DecisionDueOn, DateOnly On, string By)
    : IChanges<ChamberCase>;

public static class MoveCaseEndpoint
{
    /// <summary>The national chamber's president moves a case its chamber did not decide in 6 months.</summary>
    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, MoveCase command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return CaseChange.Apply(id, user, CaseChange.National, session, c => Decide(c, command, today, user.Actor()), ct);
    }

    /// <summary>
    /// L.4124-1: after 6 months without a decision, the national chamber's president may move the case to another
    /// region's first-instance chamber, which then has 6 months of its own.
    /// </summary>
    public static Outcome Decide(ChamberCase chamberCase, MoveCase command, DateOnly today, string by)
    {
        var toRegion = command.ToRegion?.Trim().ToUpperInvariant();
        if (toRegion is null || !RegionCode.All.Contains(toRegion))
            return Outcome.Field("toRegion", $"Région de la chambre : {string.Join(", ", RegionCode.All)}.");
        if (toRegion == chamberCase.Chamber)
            return Outcome.Field("toRegion", "L'affaire est déjà devant cette chambre.");
        if (chamberCase.Status != CaseStatus.Registered)
            return new Outcome.NotAllowed("Cette affaire a déjà été jugée.");
        return chamberCase.DecisionOverdue
            ? new Outcome.Accepted(new CaseMovedToAnotherChamber(chamberCase.Id, chamberCase.Chamber, toRegion, DisciplineRules.Book.After(DisciplineRules.ChamberDecision, today), today, by))
            : new Outcome.NotAllowed($"La chambre a jusqu'au {chamberCase.DecisionDueOn:dd/MM/yyyy} pour statuer ; l'affaire ne peut être dépaysée avant.");
    }
}
