using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Discipline.Chambers.LodgingCassation;

/// <summary>Body of POST /cases/{id}/cassation: the day the appeal was lodged before the Conseil d'État (today when absent).</summary>
public sealed record LodgeCassation(DateOnly? LodgedOn);

/// <summary>A cassation appeal before the Conseil d'État, within 2 months of the final decision; it does not suspend the sanction.</summary>
public sealed record CassationAppealLodged(Guid CaseId, DateOnly LodgedOn, string By) : IChanges<ChamberCase>;

public static class LodgeCassationEndpoint
{
    /// <summary>R.4126-48: cassation within 2 months of the final decision.</summary>
    public const int CassationMonths = 2;

    /// <summary>The national chamber's registry records the cassation appeal and the Conseil d'État's outcome.</summary>
    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, LodgeCassation command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return CaseChange.Apply(id, user, CaseChange.National, session, c => Decide(c, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(ChamberCase chamberCase, LodgeCassation command, DateOnly today, string by)
    {
        if (command.LodgedOn > today)
            return Outcome.Field("lodgedOn", "Un pourvoi ne peut être daté dans le futur.");
        var lodgedOn = command.LodgedOn ?? today;
        if (chamberCase is not { Status: CaseStatus.Final, FinalOn: { } finalOn })
            return new Outcome.NotAllowed("Seule une décision définitive peut faire l'objet d'un pourvoi en cassation.");
        if (chamberCase.CassationLodgedOn is not null)
            return new Outcome.NotAllowed("Un pourvoi a déjà été formé.");
        if (lodgedOn > finalOn.AddMonths(CassationMonths))
            return new Outcome.NotAllowed($"Le délai de pourvoi de {CassationMonths} mois a expiré le {finalOn.AddMonths(CassationMonths):dd/MM/yyyy}.");
        return new Outcome.Accepted(new CassationAppealLodged(chamberCase.Id, lodgedOn, by));
    }
}
