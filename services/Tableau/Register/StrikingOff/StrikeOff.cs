using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Tableau.Inscriptions;

namespace Ordre.Tableau.Register.StrikingOff;

/// <summary>
/// CeasedPractice: at the doctor's request (R.4112-3). Administrative: e.g. unpaid fee; the doctor may
/// be registered again. Disciplinary: a radiation from the chambers (arrives from Discipline).
/// InscriptionAnnulled: the registration itself was withdrawn or reversed on appeal.
/// </summary>
public enum StrikingOffReason { CeasedPractice, Administrative, Disciplinary, InscriptionAnnulled }

/// <summary>Body of POST /register/{rpps}/striking-off.</summary>
/// <param name="Reason">CeasedPractice or Administrative (disciplinary ones come from the chambers).</param>
/// <param name="EffectiveOn">The day practice stops; today when omitted.</param>
public sealed record StrikeOff(StrikingOffReason? Reason, DateOnly? EffectiveOn);

/// <summary>The doctor is off the Tableau; <paramref name="SanctionId"/> names the chambers' sanction for a disciplinary one.</summary>
public sealed record PractitionerStruckOff(Guid PractitionerId, string Rpps, StrikingOffReason Reason, DateOnly EffectiveOn, string By, Guid? SanctionId = null) : IChanges<Practitioner>;

public static class StrikeOffEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, StrikeOff command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return RegisterChange.Apply(rpps, user, session, RegisterChange.CouncilOfTheDepartment,
            entry => Decide(entry, command, today, user.Actor()), ct,
            // Struck off for a non-disciplinary reason, the doctor may apply again.
            alsoInTheSameTransaction: (s, entry) => s.Delete<RppsClaim>(entry.Rpps));
    }

    public static Outcome Decide(Practitioner entry, StrikeOff command, DateOnly today, string by)
    {
        if (command.Reason is not ({ } reason and (StrikingOffReason.CeasedPractice or StrikingOffReason.Administrative)))
            return Outcome.Field("reason", "Motif : CeasedPractice (cessation d'exercice) ou Administrative. Une radiation disciplinaire vient des chambres.");
        if (entry.IsClosed)
            return new Outcome.NotAllowed("Ce médecin n'est plus inscrit au Tableau.");
        return new Outcome.Accepted(new PractitionerStruckOff(entry.Id, entry.Rpps, reason, command.EffectiveOn ?? today, by));
    }
}
