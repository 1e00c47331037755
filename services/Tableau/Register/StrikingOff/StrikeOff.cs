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
/// <param name="EffectiveOn">The day practice stops; today when omitted. A later day (a year ahead at most) is scheduled.</param>
public sealed record StrikeOff(StrikingOffReason? Reason, DateOnly? EffectiveOn);

/// <summary>The doctor is off the Tableau; <paramref name="SanctionId"/> names the chambers' sanction for a disciplinary one.</summary>
public sealed record PractitionerStruckOff(Guid PractitionerId, string Rpps, StrikingOffReason Reason, DateOnly EffectiveOn, string By, Guid? SanctionId = null) : IChanges<Practitioner>;

/// <summary>A striking-off decided for a later day: the doctor stays on the Tableau until then; the clock applies it on that day.</summary>
public sealed record StrikingOffScheduled(Guid PractitionerId, string Rpps, StrikingOffReason Reason, DateOnly EffectiveOn, string By) : IChanges<Practitioner>;

public static class StrikeOffEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, StrikeOff command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        var now = (command.EffectiveOn ?? today) <= today;
        return RegisterChange.Apply(rpps, user, session, RegisterChange.CouncilOfTheDepartment,
            entry => Decide(entry, command, today, user.Actor()), ct,
            // Struck off for a non-disciplinary reason, the doctor may apply again (a scheduled one releases it on its day).
            alsoInTheSameTransaction: now ? (s, entry) => s.Delete<RppsClaim>(entry.Rpps) : null);
    }

    /// <summary>
    /// R.4112-3: effective on the day practice stops, otherwise on the day of the request. Not before the registration;
    /// a later day is scheduled (the doctor stays registered until then), at most <see cref="TableauRules.StrikingOffAhead"/> ahead.
    /// </summary>
    public static Outcome Decide(Practitioner entry, StrikeOff command, DateOnly today, string by)
    {
        if (command.Reason is not ({ } reason and (StrikingOffReason.CeasedPractice or StrikingOffReason.Administrative)))
            return Outcome.Field("reason", "Motif : CeasedPractice (cessation d'exercice) ou Administrative. Une radiation disciplinaire vient des chambres.");
        var effectiveOn = command.EffectiveOn ?? today;
        var latest = TableauRules.Book.After(TableauRules.StrikingOffAhead, today);
        if (effectiveOn > latest)
            return Outcome.Field("effectiveOn", $"La radiation prend effet au plus tard le {latest:dd/MM/yyyy} ({TableauRules.Book.Value(TableauRules.StrikingOffAhead, today)} mois après la demande).");
        if (effectiveOn < entry.RegisteredOn)
            return Outcome.Field("effectiveOn", "La radiation ne peut prendre effet avant l'inscription du médecin.");
        if (entry.IsClosed)
            return new Outcome.NotAllowed("Ce médecin n'est plus inscrit au Tableau.");
        if (entry.StrikingOffOn is { } scheduled)
            return new Outcome.NotAllowed($"Une radiation est déjà prévue le {scheduled.On:dd/MM/yyyy}.");
        return new Outcome.Accepted(effectiveOn > today
            ? new StrikingOffScheduled(entry.Id, entry.Rpps, reason, effectiveOn, by)
            : new PractitionerStruckOff(entry.Id, entry.Rpps, reason, effectiveOn, by));
    }
}
