using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Inscriptions.Instructing;

/// <summary>Body of POST /inscriptions/{id}/rapporteur.</summary>
public sealed record AppointRapporteur([property: MaxText(TextLimits.Name)] string? Rapporteur);

public sealed record RapporteurAppointed(Guid InscriptionId, string Rapporteur, DateOnly On, string By) : IChanges<Inscription>;

public static class AppointRapporteurEndpoint
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, AppointRapporteur command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier, d => Decide(d, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(Inscription dossier, AppointRapporteur command, DateOnly today, string by) =>
        string.IsNullOrWhiteSpace(command.Rapporteur) || command.Rapporteur.Length > 150
            ? Outcome.Field("rapporteur", "Indiquez le conseiller rapporteur (150 caractères au plus).")
            : dossier.IsDecided || dossier.Status == InscriptionStatus.Withdrawn
                ? new Outcome.NotAllowed("Ce dossier a déjà été tranché.")
                : new Outcome.Accepted(new RapporteurAppointed(dossier.Id, command.Rapporteur.Trim(), today, by));
}
