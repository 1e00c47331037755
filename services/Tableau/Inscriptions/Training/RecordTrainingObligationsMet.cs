using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Inscriptions.Training;

/// <summary>Body of POST /inscriptions/{id}/training-obligations: how the council established that the training was done.</summary>
public sealed record RecordTrainingObligationsMet([property: MaxText(TextLimits.Text)] string? Proof);

/// <summary>The council recorded that the training obligations of a refusal were met: a new application is admissible again (R.4112-2).</summary>
public sealed record TrainingObligationFulfilled(Guid InscriptionId, string Rpps, string Proof, DateOnly On, string By) : IChanges<Inscription>;

public static class RecordTrainingObligationsMetEndpoint
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RecordTrainingObligationsMet command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier, d => Decide(d, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(Inscription dossier, RecordTrainingObligationsMet command, DateOnly today, string by)
    {
        if (string.IsNullOrWhiteSpace(command.Proof))
            return Outcome.Field("proof", "Indiquez la preuve de la formation accomplie (attestation, rapport de stage…).");
        if (dossier.UnmetTrainingObligations.Count == 0)
            return new Outcome.NotAllowed("Ce dossier n'a pas d'obligation de formation en attente.");
        return new Outcome.Accepted(new TrainingObligationFulfilled(dossier.Id, dossier.Rpps, command.Proof.Trim(), today, by));
    }

    /// <summary>
    /// R.4112-2: after a refusal listing training obligations, a new application by the same doctor is inadmissible
    /// until the council records them met. Returns why, in French, or null when the doctor may apply.
    /// </summary>
    public static async Task<string?> InadmissibleAsync(IQuerySession session, string rpps, CancellationToken ct)
    {
        var refused = await session.Query<Inscription>()
            .Where(i => i.Rpps == rpps && i.Status == InscriptionStatus.Refused && i.TrainingObligationsMetOn == null)
            .ToListAsync(ct);
        return Inadmissible(refused);
    }

    public static string? Inadmissible(IEnumerable<Inscription> dossiersOfTheDoctor) =>
        dossiersOfTheDoctor.FirstOrDefault(d => d.UnmetTrainingObligations.Count > 0) is { } refused
            ? $"Nouvelle demande irrecevable : les obligations de formation fixées par le refus du {refused.DecidedOn:dd/MM/yyyy} ne sont pas satisfaites " +
              $"({string.Join(" ; ", refused.TrainingObligations)}). Le conseil départemental doit d'abord constater qu'elles ont été accomplies."
            : null;
}
