using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Tableau.Inscriptions.Deciding;
using Ordre.Tableau.Inscriptions.Withdrawing;

namespace Ordre.Tableau.Inscriptions.Appealing;

/// <summary>Body of POST /inscriptions/{id}/appeals/decision.</summary>
public sealed record DecideAppeal(AppealLevel? Level, AppealOutcome? Outcome);

/// <summary>The appeal body ruled; a reversal grants a refused inscription or annuls a granted one (events that follow).</summary>
public sealed record AppealDecided(Guid InscriptionId, AppealLevel Level, AppealOutcome Outcome, DateOnly DecidedOn, string By) : IChanges<Inscription>;

public static class DecideAppealEndpoint
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, DecideAppeal command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return InscriptionChange.Apply(id, user, session, (_, caller) => AppealBodies.Refusal(command.Level, caller, deciding: true),
            d => Decide(d, command, today, user.Actor()), ct, ApplyReversal);
    }

    public static Outcome Decide(Inscription dossier, DecideAppeal command, DateOnly today, string by)
    {
        if (command.Level is not { } level || command.Outcome is not { } outcome)
            return new Outcome.Invalid(new() { ["level"] = ["Regional ou National."], ["outcome"] = ["Confirmed ou Reversed."] });
        if (!dossier.Appeals.Any(a => a.Level == level && a.Outcome is null))
            return new Outcome.NotAllowed("Aucun recours de ce niveau n'est en attente.");
        var decided = new AppealDecided(dossier.Id, level, outcome, today, by);
        if (outcome == AppealOutcome.Confirmed)
            return new Outcome.Accepted(decided);
        object consequence = dossier.Status == InscriptionStatus.Granted
            ? new InscriptionAnnulled(dossier.Id, dossier.Rpps, $"Inscription annulée sur recours ({level})", today, by)
            : new InscriptionGranted(dossier.Id, dossier.Rpps, dossier.Department, dossier.LastName, dossier.FirstName, dossier.Specialty, today, by);
        return new Outcome.Accepted(decided, consequence);
    }

    /// <summary>A reversal on appeal opens or closes the register entry in the same transaction.</summary>
    private static async Task<string?> ApplyReversal(IDocumentSession session, Inscription dossier, IReadOnlyList<object> events, CancellationToken ct)
    {
        if (events.OfType<InscriptionGranted>().FirstOrDefault() is { } granted)
            return await DecideInscriptionEndpoint.PutOnTheTableau(session, granted, ct);
        return await WithdrawInscriptionEndpoint.LeaveTheTableau(session, dossier, events, ct);
    }
}
