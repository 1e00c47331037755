using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Discipline.Chambers.HoldingHearing;

public sealed record HearingHeld(Guid CaseId, DateOnly On, string By) : IChanges<ChamberCase>;

/// <summary>POST /cases/{id}/hearing/held: the hearing took place, on or after its day.</summary>
public static class HoldHearingEndpoint
{
    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return CaseChange.Apply(id, user, CaseChange.FirstInstance, session, c => Decide(c, today, user.Actor()), ct);
    }

    public static Outcome Decide(ChamberCase chamberCase, DateOnly today, string by) => chamberCase switch
    {
        { Status: not CaseStatus.Registered } => new Outcome.NotAllowed("Cette affaire a déjà été jugée."),
        { Hearing: null } => new Outcome.NotAllowed("Aucune audience n'est prévue."),
        { Hearing.HeldOn: not null } => new Outcome.NotAllowed("L'audience a déjà eu lieu."),
        { Hearing.On: var on } when on > today => new Outcome.NotAllowed($"L'audience est prévue le {on:dd/MM/yyyy}."),
        _ => new Outcome.Accepted(new HearingHeld(chamberCase.Id, today, by)),
    };
}
