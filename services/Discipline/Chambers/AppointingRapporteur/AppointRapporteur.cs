using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Discipline.Chambers.AppointingRapporteur;

/// <summary>Body of POST /cases/{id}/rapporteur.</summary>
public sealed record AppointRapporteur([property: MaxText(TextLimits.Name)] string? Rapporteur);

public sealed record RapporteurAppointed(Guid CaseId, string Rapporteur, DateOnly On, string By) : IChanges<ChamberCase>;

public static class AppointRapporteurEndpoint
{
    public static Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, AppointRapporteur command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return CaseChange.Apply(id, user, CaseChange.FirstInstance, session, c => Decide(c, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(ChamberCase chamberCase, AppointRapporteur command, DateOnly today, string by)
    {
        var rapporteur = command.Rapporteur;
        if (string.IsNullOrWhiteSpace(rapporteur) || rapporteur.Length > 200)
            return Outcome.Field("rapporteur", "Nommez le rapporteur.");
        return chamberCase.Status == CaseStatus.Registered
            ? new Outcome.Accepted(new RapporteurAppointed(chamberCase.Id, rapporteur.Trim(), today, by))
            : new Outcome.NotAllowed("Cette affaire a déjà été jugée.");
    }
}
