using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Discipline.Chambers.SchedulingHearing;

/// <summary>Body of POST /cases/{id}/hearing.</summary>
public sealed record ScheduleHearing(DateOnly? HearingOn);

/// <summary>The hearing is set for <paramref name="HearingOn"/>, after the case's registration.</summary>
public sealed record HearingScheduled(Guid CaseId, DateOnly HearingOn, DateOnly On, string By) : IChanges<ChamberCase>;

public static class ScheduleHearingEndpoint
{
    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ScheduleHearing command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return CaseChange.Apply(id, user, CaseChange.FirstInstance, session, c => Decide(c, command, today, user.Actor()), ct);
    }

    /// <summary>DOMAIN §3.2: a hearing is set after the case's registration, once a rapporteur is appointed.</summary>
    public static Outcome Decide(ChamberCase chamberCase, ScheduleHearing command, DateOnly today, string by)
    {
        if (command.HearingOn is not { } on || on <= chamberCase.RegisteredOn || on < today)
            return Outcome.Field("hearingOn", "L'audience se tient après l'enregistrement de l'affaire, à une date à venir.");
        if (chamberCase.Status != CaseStatus.Registered)
            return new Outcome.NotAllowed("Cette affaire a déjà été jugée.");
        return chamberCase.Rapporteur is null
            ? new Outcome.NotAllowed("Désignez d'abord un rapporteur.")
            : new Outcome.Accepted(new HearingScheduled(chamberCase.Id, on, today, by));
    }
}
