using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Discipline.Chambers.Clock;

namespace Ordre.Discipline.Chambers.Deciding;

/// <summary>
/// Body of a decision. <see cref="RevokeSuspendedPartOf"/> names an earlier case of the same doctor whose suspended part
/// the new ban makes enforceable, for acts committed (<see cref="ActsCommittedOn"/>) within 5 years of its notification.
/// </summary>
public sealed record RenderDecision(
    DecisionForm? Form, DecisionOutcome? Outcome, int? BanMonths, int? SuspendedMonths, DateOnly? From,
    bool? TrainingOrdered = null, Guid? RevokeSuspendedPartOf = null, DateOnly? ActsCommittedOn = null);

public sealed record DecisionRendered(
    Guid CaseId, DecisionForm Form, DecisionOutcome Outcome, int BanMonths, int SuspendedMonths, DateOnly? From, DateOnly On, string By,
    bool TrainingOrdered = false, Guid? RevokesSuspendedPartOf = null, int RevokedMonths = 0, bool ByNationalChamber = false,
    DateOnly? CaseOpenedOn = null) : IChanges<ChamberCase>;

public static class RenderDecisionEndpoint
{
    public static async Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RenderDecision command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (earlier, revoked) = await Revocation.EarlierCaseAsync(session, id, command.RevokeSuspendedPartOf, ct);
        var today = ParisCalendar.Today(clock);
        // The first-instance chamber decides; the national chamber, an emergency case brought before it (L.4113-14).
        var national = user.IsInRole(CaseChange.National);
        return await CaseChange.Apply(id, user, national ? CaseChange.National : CaseChange.FirstInstance, session,
            c => Decide(c, command, today, user.Actor(), earlier, revoked, national), ct);
    }

    /// <summary>
    /// The first-instance decision: a collegial decision comes after the hearing, a presidential order needs none.
    /// <paramref name="earlier"/> is the case named by <see cref="RenderDecision.RevokeSuspendedPartOf"/>, if any.
    /// With <paramref name="byNationalChamber"/>, the national chamber decides an emergency case brought before it when the
    /// first chamber's 2 months ran out (L.4113-14); its decision is final at once (a cassation appeal does not suspend it).
    /// </summary>
    public static Outcome Decide(ChamberCase chamberCase, RenderDecision command, DateOnly today, string by, ChamberCase? earlier = null,
        bool earlierAlreadyRevoked = false, bool byNationalChamber = false)
    {
        if (Validate(command, today) is { } invalid)
            return invalid;
        if (chamberCase.Status != CaseStatus.Registered)
            return new Outcome.NotAllowed("Cette affaire a déjà été jugée.");
        if (chamberCase.BeforeNationalChamber != byNationalChamber)
            return new Outcome.NotAllowed(byNationalChamber
                ? "Cette affaire relève de la chambre disciplinaire de première instance : la chambre nationale en connaît en appel."
                : "Faute de décision dans les 2 mois, cette affaire a été portée devant la chambre disciplinaire nationale (L.4113-14).");
        // The national chamber's own hearing is not recorded here (as on appeal).
        if (!byNationalChamber && command.Form == DecisionForm.Collegial && chamberCase.Hearing?.HeldOn is null)
            return new Outcome.NotAllowed("Une décision collégiale est rendue après l'audience : tenez d'abord l'audience.");
        if (Revocation.Of(chamberCase, command, earlier, earlierAlreadyRevoked) is not (var revokes, var revokedMonths))
            return Revocation.Refusal(chamberCase, command, earlier, earlierAlreadyRevoked)!;
        var rendered = new DecisionRendered(chamberCase.Id, command.Form!.Value, command.Outcome!.Value,
            command.BanMonths ?? 0, command.SuspendedMonths ?? 0, command.From, today, by, command.TrainingOrdered ?? false, revokes, revokedMonths,
            ByNationalChamber: byNationalChamber, CaseOpenedOn: chamberCase.RegisteredOn);
        if (!byNationalChamber)
            return new Outcome.Accepted(rendered);
        var (from, to) = ChamberRules.Enforcement(rendered.Outcome, rendered.BanMonths, rendered.SuspendedMonths, rendered.From, finalOn: today, revokedMonths);
        return new Outcome.Accepted(rendered,
            new DecisionBecameFinal(chamberCase.Id, chamberCase.Rpps, rendered.Outcome, today, from, to, rendered.SuspendedMonths));
    }

    /// <summary>The sanction's own rules (L.4124-6), the same for the first-instance and the national chamber.</summary>
    public static Outcome.Invalid? Validate(RenderDecision command, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.Form is null)
            errors["form"] = ["Collegial ou PresidentialOrder."];
        if (command.Outcome is not { } outcome)
            return new Outcome.Invalid(new(errors) { ["outcome"] = ["Dismissed, Warning, Reprimand, PublicFunctionsBan, PracticeBan ou StrikingOff."] });
        // L.4124-6 4° (36 months); (A) 120 months for public functions, whose ban the code does not bound; (A) 5 years' deferral.
        var maxBanMonths = DisciplineRules.Book.Value(DisciplineRules.MaxPracticeBan, today);
        var maxPublicFunctionsBanMonths = DisciplineRules.Book.Value(DisciplineRules.MaxPublicFunctionsBan, today);
        var maxDeferralYears = DisciplineRules.Book.Value(DisciplineRules.MaxDeferral, today);
        var months = command.BanMonths ?? 0;
        var suspended = command.SuspendedMonths ?? 0;
        if (outcome is DecisionOutcome.PracticeBan or DecisionOutcome.PublicFunctionsBan)
        {
            if (outcome == DecisionOutcome.PracticeBan && (months < 1 || months > maxBanMonths))
                errors["banMonths"] = [$"L'interdiction d'exercer est temporaire : de 1 à {maxBanMonths} mois."];
            if (outcome == DecisionOutcome.PublicFunctionsBan && (months < 0 || months > maxPublicFunctionsBanMonths))
                errors["banMonths"] = [$"Interdiction de fonctions publiques : de 0 (définitive) à {maxPublicFunctionsBanMonths} mois."];
            if (suspended < 0 || suspended > months)
                errors["suspendedMonths"] = ["La partie assortie du sursis ne peut dépasser la durée de l'interdiction."];
        }
        else if (months != 0 || suspended != 0)
            errors["banMonths"] = ["Seule une interdiction a une durée et un sursis."];
        if (command.From is { } from && (from < today || from > DisciplineRules.Book.After(DisciplineRules.MaxDeferral, today)))
            errors["from"] = [$"La date d'effet suit la décision, de {maxDeferralYears} ans au plus."];
        return errors.Count > 0 ? new Outcome.Invalid(errors) : null;
    }
}
