using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Inscriptions.Instructing;

/// <summary>Body of POST /inscriptions/{id}/expertise.</summary>
public sealed record RequestExpertise([property: MaxText(TextLimits.Text)] string? Reason);

/// <summary>On serious doubt about competence or health, the council refers the applicant to the regional council for an expertise (R.4112-2).</summary>
public sealed record ExpertiseRequested(Guid InscriptionId, string Reason, DateOnly On, string By) : IChanges<Inscription>;

public static class RequestExpertiseEndpoint
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RequestExpertise command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier, d => Decide(d, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(Inscription dossier, RequestExpertise command, DateOnly today, string by) =>
        string.IsNullOrWhiteSpace(command.Reason)
            ? Outcome.Field("reason", "Indiquez le doute sérieux qui justifie l'expertise.")
            : dossier.Status != InscriptionStatus.Complete || dossier.Expertise != ExpertiseState.None
                ? new Outcome.NotAllowed("Une expertise se demande une fois, sur un dossier complet non encore tranché.")
                : new Outcome.Accepted(new ExpertiseRequested(dossier.Id, command.Reason.Trim(), today, by));
}
