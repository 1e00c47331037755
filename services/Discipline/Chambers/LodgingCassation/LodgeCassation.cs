using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Calendar;

namespace Ordre.Discipline.Chambers.LodgingCassation;

/// <summary>Body of POST /cases/{id}/cassation: the day the appeal was lodged before the Conseil d'État (today when absent).</summary>
public sealed record LodgeCassation(DateOnly? LodgedOn);

/// <summary>A cassation appeal before the Conseil d'État against the national chamber's decision, within 2 months of its notification; it does not suspend the sanction.</summary>
public sealed record CassationAppealLodged(Guid CaseId, DateOnly LodgedOn, string By) : IChanges<ChamberCase>;

public static class LodgeCassationEndpoint
{
    /// <summary>
    /// R.4126-48: the last day to lodge, 2 calendar months after the notification of the national chamber's decision,
    /// moved to the next working day (DOMAIN open question 13).
    /// </summary>
    public static DateOnly CassationDeadline(DateOnly notifiedOn, string department) =>
        FrenchCalendar.DeadlineOn(DisciplineRules.Book.After(DisciplineRules.Cassation, notifiedOn), department);

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
        // Only the national chamber's decisions go to the Conseil d'État; a first-instance decision is appealed, not
        // taken to cassation (DOMAIN §3.2: CdnDecided → CassationLodged).
        if (chamberCase is not { Status: CaseStatus.Final, NationalDecisionOn: not null })
            return new Outcome.NotAllowed("Seule une décision de la chambre disciplinaire nationale peut faire l'objet d'un pourvoi en cassation devant le Conseil d'État.");
        if (chamberCase.CassationLodgedOn is not null)
            return new Outcome.NotAllowed("Un pourvoi a déjà été formé.");
        // Before the notification the window has not started: a pourvoi lodged then is in time.
        if (chamberCase.CassationDeadline is { } deadline && lodgedOn > deadline)
            return new Outcome.NotAllowed($"Le délai de pourvoi de {DisciplineRules.Book.Value(DisciplineRules.Cassation, chamberCase.NationalNotifiedOn ?? today)} mois suivant la notification de la décision de la chambre nationale a expiré le {deadline:dd/MM/yyyy}.");
        return new Outcome.Accepted(new CassationAppealLodged(chamberCase.Id, lodgedOn, by));
    }
}
