using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Discipline.Chambers.Clock;
using Ordre.Discipline.Chambers.Deciding;

namespace Ordre.Discipline.Chambers.RulingOnAppeal;

public enum AppealRuling { Confirmed, Replaced }

/// <summary>Body of POST /cases/{id}/appeal/decision: Confirmed, or Replaced with the national chamber's own decision.</summary>
public sealed record DecideNationalAppeal(AppealRuling? Ruling, RenderDecision? Decision);

/// <summary>The national chamber confirmed the first decision or replaced it; its decision is final (cassation does not suspend it).</summary>
public sealed record NationalChamberDecided(
    Guid CaseId, AppealRuling Ruling, DecisionForm Form, DecisionOutcome Outcome, int BanMonths, int SuspendedMonths, DateOnly? From, DateOnly On, string By,
    bool TrainingOrdered = false, Guid? RevokesSuspendedPartOf = null, int RevokedMonths = 0, DateOnly? AppealLodgedOn = null) : IChanges<ChamberCase>;

/// <summary>The national chamber replaced a first-instance sanction already enforced: that one ends (published as SanctionEnded).</summary>
public sealed record ProvisionalSanctionEnded(Guid CaseId, string Rpps, DateOnly On) : IChanges<ChamberCase>;

public static class DecideNationalAppealEndpoint
{
    public static async Task<Results<Ok<CaseChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, DecideNationalAppeal command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (earlier, revoked) = await Revocation.EarlierCaseAsync(session, id, command.Decision?.RevokeSuspendedPartOf, ct);
        var today = ParisCalendar.Today(clock);
        return await CaseChange.Apply(id, user, CaseChange.National, session, c => Decide(c, command, today, user.Actor(), earlier, revoked), ct);
    }

    /// <summary>
    /// The national chamber rules on an admissible appeal: it confirms the decision or replaces it. Its decision is
    /// final at once (a cassation appeal does not suspend it), so the sanction becomes enforceable.
    /// </summary>
    public static Outcome Decide(ChamberCase chamberCase, DecideNationalAppeal command, DateOnly today, string by, ChamberCase? earlier = null, bool earlierAlreadyRevoked = false)
    {
        if (command.Ruling is not { } ruling)
            return Outcome.Field("ruling", "Confirmed (la décision est confirmée) ou Replaced (une nouvelle décision la remplace).");
        if (ruling == AppealRuling.Replaced && (command.Decision is null || RenderDecisionEndpoint.Validate(command.Decision, today) is not null))
            return RenderDecisionEndpoint.Validate(command.Decision ?? new RenderDecision(null, null, null, null, null), today)!;
        if (chamberCase is not { Status: CaseStatus.Appealed, Decision: { } first })
            return new Outcome.NotAllowed("Aucun appel recevable n'est pendant devant la chambre nationale.");
        var d = command.Decision;
        NationalChamberDecided decided;
        if (ruling == AppealRuling.Replaced)
        {
            if (Revocation.Of(chamberCase, d!, earlier, earlierAlreadyRevoked) is not (var revokes, var revokedMonths))
                return Revocation.Refusal(chamberCase, d!, earlier, earlierAlreadyRevoked)!;
            decided = new NationalChamberDecided(chamberCase.Id, ruling, d!.Form!.Value, d.Outcome!.Value, d.BanMonths ?? 0, d.SuspendedMonths ?? 0,
                d.From, today, by, d.TrainingOrdered ?? false, revokes, revokedMonths, chamberCase.AppealLodgedOn);
        }
        else
            decided = new NationalChamberDecided(chamberCase.Id, ruling, first.Form, first.Outcome, first.BanMonths, first.SuspendedMonths, first.From,
                today, by, first.TrainingOrdered, first.RevokesSuspendedPartOf, first.RevokedMonths, chamberCase.AppealLodgedOn);
        var (from, to) = ChamberRules.Enforcement(decided.Outcome, decided.BanMonths, decided.SuspendedMonths, decided.From, finalOn: today, decided.RevokedMonths);
        if (!chamberCase.EnforcedPendingAppeal)
            return new Outcome.Accepted(decided,
                new DecisionBecameFinal(chamberCase.Id, chamberCase.Rpps, decided.Outcome, today, from, to, decided.SuspendedMonths));
        // An emergency case whose first sanction already runs: confirmed, it simply stays; replaced, it ends and the new one starts.
        return ruling == AppealRuling.Confirmed
            ? new Outcome.Accepted(decided,
                new DecisionBecameFinal(chamberCase.Id, chamberCase.Rpps, decided.Outcome, today, from, to, decided.SuspendedMonths, AlreadyEnforced: true))
            : new Outcome.Accepted(decided, new ProvisionalSanctionEnded(chamberCase.Id, chamberCase.Rpps, today),
                new DecisionBecameFinal(chamberCase.Id, chamberCase.Rpps, decided.Outcome, today, from, to, decided.SuspendedMonths,
                    SanctionId: ReplacementSanctionId(chamberCase.Id)));
    }

    /// <summary>The id of the sanction a national decision puts in place of a first-instance one already enforced.</summary>
    public static Guid ReplacementSanctionId(Guid caseId)
    {
        var bytes = caseId.ToByteArray();
        bytes[0] ^= 0xFF; // deterministic and distinct from the case id; the Tableau keys sanctions by id
        return new Guid(bytes);
    }
}
