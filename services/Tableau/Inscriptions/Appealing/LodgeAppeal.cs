using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Inscriptions.Appealing;

/// <summary>Body of POST /inscriptions/{id}/appeals.</summary>
public sealed record LodgeAppeal(AppealLevel? Level, Appellant? Appellant, DateOnly? LodgedOn);

public sealed record AppealLodged(Guid InscriptionId, AppealLevel Level, Appellant Appellant, DateOnly LodgedOn, string By) : IChanges<Inscription>;

public static class LodgeAppealEndpoint
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, LodgeAppeal command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return InscriptionChange.Apply(id, user, session, (_, caller) => AppealBodies.Refusal(command.Level, caller),
            d => Decide(d, command, today, user.Actor()), ct);
    }

    /// <summary>30 days to appeal (<see cref="TableauRules.InscriptionAppeal"/>, <see cref="TableauRules.InscriptionNationalAppeal"/>), to the regional council first, then to the national council; the last day moves off non-working days.</summary>
    public static Outcome Decide(Inscription dossier, LodgeAppeal command, DateOnly today, string by)
    {
        if (command.Level is not { } level || command.Appellant is not { } appellant)
            return new Outcome.Invalid(new() { ["level"] = ["Regional ou National."], ["appellant"] = ["Applicant ou NationalCouncil."] });
        var lodgedOn = command.LodgedOn ?? today;
        if (lodgedOn > today)
            return Outcome.Field("lodgedOn", "Un recours ne peut être daté dans le futur.");
        if (dossier.AppealDeadline is not { } deadline)
            return new Outcome.NotAllowed("Aucune décision notifiée n'est susceptible de recours sur ce dossier.");
        if (lodgedOn > deadline)
            return new Outcome.NotAllowed($"Recours hors délai : le délai de recours a expiré le {deadline:dd/MM/yyyy}.");
        if (dossier.Appeals.Any(a => a.Level == level))
            return new Outcome.NotAllowed("Un recours de ce niveau a déjà été formé.");
        if (level == AppealLevel.National && dossier.Appeals.All(a => a.Level != AppealLevel.Regional || a.Outcome is null))
            return new Outcome.NotAllowed("Le Conseil national ne peut être saisi qu'après la décision du conseil régional.");
        if (level == AppealLevel.Regional && !(appellant switch
            {
                Appellant.Applicant => dossier.Status is InscriptionStatus.Refused or InscriptionStatus.ImplicitlyRejected,
                _ => dossier.Status == InscriptionStatus.Granted,
            }))
            return new Outcome.NotAllowed("Le demandeur conteste un refus ; le Conseil national conteste une inscription.");
        return new Outcome.Accepted(new AppealLodged(dossier.Id, level, appellant, lodgedOn, by));
    }
}
