using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Discipline.Chambers.Notifying;

namespace Ordre.Discipline.Chambers.Appealing;

/// <summary>
/// Body of POST /cases/{id}/appeal: the day the appeal was lodged (today when absent), and where the appellant lives
/// (metropolitan France when absent), which adds the distance delay.
/// </summary>
public sealed record LodgeAppeal(DateOnly? LodgedOn, PartyResidence? AppellantResidence = null);

/// <summary>An appeal to the national chamber: registered even when late, then flagged inadmissible (DOMAIN §3.2).</summary>
public sealed record AppealToNationalChamberLodged(Guid CaseId, DateOnly LodgedOn, bool Admissible, string By) : IChanges<ChamberCase>;

public static class LodgeAppealEndpoint
{
    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, LodgeAppeal command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return CaseChange.Apply(id, user, CaseChange.National, session, c => Decide(c, command, today, user.Actor()), ct);
    }

    /// <summary>
    /// Admissible within the appellant's window from the notification (R.4126-44: 30 days, 2 months when the notice
    /// omitted the deadline, plus distance delays); suspensive.
    /// </summary>
    public static Outcome Decide(ChamberCase chamberCase, LodgeAppeal command, DateOnly today, string by)
    {
        if (command.LodgedOn > today)
            return Outcome.Field("lodgedOn", "Un appel ne peut être daté dans le futur.");
        var lodgedOn = command.LodgedOn ?? today;
        // One appeal: once the national chamber has ruled, its decision is final (only cassation lies against it), and a
        // second ruling would reach the Tableau under the same sanction id.
        if (chamberCase.NationalDecisionOn is { } ruledOn)
            return new Outcome.NotAllowed($"La chambre nationale a déjà statué sur cette affaire le {ruledOn:dd/MM/yyyy} : sa décision n'est plus susceptible d'appel, seulement d'un pourvoi en cassation.");
        return chamberCase.Status switch
        {
            CaseStatus.Notified or CaseStatus.Final when chamberCase is { AppealDeadline: not null, NotifiedOn: { } notifiedOn } =>
                new Outcome.Accepted(new AppealToNationalChamberLodged(chamberCase.Id, lodgedOn,
                    Admissible: lodgedOn <= NotifyDecisionEndpoint.AppealDeadline(notifiedOn, chamberCase.Department, chamberCase.AppealDeadlineOmitted,
                        command.AppellantResidence ?? PartyResidence.MetropolitanFrance), by)),
            _ => new Outcome.NotAllowed("Aucune décision notifiée n'est susceptible d'appel dans cette affaire."),
        };
    }
}
