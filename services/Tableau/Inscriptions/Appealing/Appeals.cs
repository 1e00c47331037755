using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Tableau.Inscriptions.Deciding;
using Ordre.Tableau.Inscriptions.Withdrawing;

namespace Ordre.Tableau.Inscriptions.Appealing;

/// <summary>Regional: the regional council hears the first appeal; National: the national council hears the second (L.4112-4, R.4112-5).</summary>
public enum AppealLevel { Regional, National }

/// <summary>Applicant: against a refusal or an implicit rejection. NationalCouncil: against a registration.</summary>
public enum Appellant { Applicant, NationalCouncil }

public enum AppealOutcome { Confirmed, Reversed }

/// <summary>Body of POST /inscriptions/{id}/appeals.</summary>
public sealed record LodgeAppeal(AppealLevel? Level, Appellant? Appellant, DateOnly? LodgedOn);

/// <summary>Body of POST /inscriptions/{id}/appeals/decision.</summary>
public sealed record DecideAppeal(AppealLevel? Level, AppealOutcome? Outcome);

public sealed record AppealLodged(Guid InscriptionId, AppealLevel Level, Appellant Appellant, DateOnly LodgedOn, string By);

/// <summary>The appeal body ruled; a reversal grants a refused inscription or annuls a granted one (events that follow).</summary>
public sealed record AppealDecided(Guid InscriptionId, AppealLevel Level, AppealOutcome Outcome, DateOnly DecidedOn, string By);

public static class AppealEndpoints
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Lodge(
        Guid id, LodgeAppeal command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        InscriptionChange.Apply(id, user, session, (_, caller) => AppealBody(command.Level, caller),
            d => DecideLodging(d, command, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Decide(
        Guid id, DecideAppeal command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        InscriptionChange.Apply(id, user, session, (_, caller) => AppealBody(command.Level, caller, deciding: true),
            d => DecideRuling(d, command, ParisCalendar.Today(clock), user.Actor()), ct, ApplyReversal);

    public static Outcome DecideLodging(Inscription dossier, LodgeAppeal command, DateOnly today, string by)
    {
        if (command.Level is not { } level || command.Appellant is not { } appellant)
            return new Outcome.Invalid(new() { ["level"] = ["Regional ou National."], ["appellant"] = ["Applicant ou NationalCouncil."] });
        var lodgedOn = command.LodgedOn ?? today;
        if (lodgedOn > today)
            return Outcome.Field("lodgedOn", "Un recours ne peut être daté dans le futur.");
        if (dossier.AppealDeadline is not { } deadline)
            return new Outcome.NotAllowed("Aucune décision notifiée n'est susceptible de recours sur ce dossier.");
        if (lodgedOn > deadline)
            return new Outcome.NotAllowed($"Recours hors délai : le délai de {InscriptionRules.AppealDays} jours a expiré le {deadline:dd/MM/yyyy}.");
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

    public static Outcome DecideRuling(Inscription dossier, DecideAppeal command, DateOnly today, string by)
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

    private static string? AppealBody(AppealLevel? level, ClaimsPrincipal user, bool deciding = false) => level switch
    {
        AppealLevel.National when user.IsInRole(OrdreClaims.Roles.NationalCouncil) => null,
        AppealLevel.National => "Le recours au second degré relève du Conseil national.",
        _ when user.IsInRole(OrdreClaims.Roles.RegionalCouncil) => null,
        _ when !deciding && user.IsInRole(OrdreClaims.Roles.NationalCouncil) => null, // the CNOM lodges its own appeal
        _ => "Le recours au premier degré relève du conseil régional.",
    };
}
