namespace Ordre.Discipline.Chambers.Clock;

/// <summary>Raised by the clock: the first-instance chamber did not decide within 6 months (L.4124-1).</summary>
public sealed record DecisionDeadlinePassed(Guid CaseId, DateOnly DueOn, DateOnly On) : IChanges<ChamberCase>;

/// <summary>
/// L.4113-14: the first-instance chamber did not rule within 2 months on an emergency case; the case is brought before
/// the national chamber, which rules within 2 months (to <paramref name="NationalDueOn"/>). The suspension stays.
/// </summary>
public sealed record EmergencyCaseBroughtBeforeNationalChamber(Guid CaseId, string Rpps, DateOnly DueOn, DateOnly NationalDueOn, DateOnly On) : IChanges<ChamberCase>;

/// <summary>L.4113-14: neither chamber ruled in time on an emergency case (2 months each); the ARS's suspension lapses (published).</summary>
public sealed record EmergencyCaseUndecidedInTime(Guid CaseId, string Rpps, DateOnly DueOn, DateOnly On) : IChanges<ChamberCase>;

/// <summary>
/// The decision is final; for a sanction, it is enforceable from From to To (the ban's last day, after its suspended
/// part), R.4126-30. SanctionId: when the national chamber replaced a sanction already enforced, the new sanction's own
/// id. AlreadyEnforced: the same sanction was published on notification (an emergency case); nothing more to publish.
/// Raised by the clock after an unappealed window, or with the national chamber's decision.
/// </summary>
public sealed record DecisionBecameFinal(
    Guid CaseId, string Rpps, DecisionOutcome Outcome, DateOnly On, DateOnly From, DateOnly? To, int SuspendedMonths,
    Guid? SanctionId = null, bool AlreadyEnforced = false) : IChanges<ChamberCase>;

/// <summary>What the clock does to a case (swept daily by <see cref="Deadlines.DisciplineDeadlines"/>).</summary>
public static class CaseClock
{
    /// <summary>
    /// What the clock does on <paramref name="today"/>: the 6 months to decide run out (an emergency case: the first
    /// chamber's 2 months bring it before the national chamber, whose 2 months make the suspension lapse); the decision
    /// becomes final after an unappealed window.
    /// </summary>
    public static IReadOnlyList<object> DueOn(ChamberCase chamberCase, DateOnly today)
    {
        if (chamberCase is { Status: CaseStatus.Registered, DecisionOverdue: false } && today > chamberCase.DecisionDueOn)
            return chamberCase switch
            {
                // L.4113-14: "En l'absence de décision dans ce délai, l'affaire est portée devant [...] la chambre
                // disciplinaire nationale, qui statue dans un délai de deux mois" (DOMAIN §2.3, §3.2).
                { EmergencySuspension: true, EmergencyLapsed: false, BeforeNationalChamber: false } =>
                    [new EmergencyCaseBroughtBeforeNationalChamber(chamberCase.Id, chamberCase.Rpps, chamberCase.DecisionDueOn,
                        ChamberRules.NationalEmergencyDecisionDue(chamberCase.DecisionDueOn), today)],
                // "A défaut de décision dans ce délai, la mesure de suspension prend fin automatiquement."
                { EmergencySuspension: true, EmergencyLapsed: false } =>
                    [new DecisionDeadlinePassed(chamberCase.Id, chamberCase.DecisionDueOn, today),
                        new EmergencyCaseUndecidedInTime(chamberCase.Id, chamberCase.Rpps, chamberCase.DecisionDueOn, today)],
                _ => [new DecisionDeadlinePassed(chamberCase.Id, chamberCase.DecisionDueOn, today)],
            };
        if (chamberCase is not { Status: CaseStatus.Notified, AppealDeadline: { } deadline, Decision: { } decision } || deadline >= today)
            return [];
        var finalOn = deadline.AddDays(1);
        var (from, to) = ChamberRules.Enforcement(decision.Outcome, decision.BanMonths, decision.SuspendedMonths, decision.From, finalOn, decision.RevokedMonths);
        return [new DecisionBecameFinal(chamberCase.Id, chamberCase.Rpps, decision.Outcome, finalOn, from, to, decision.SuspendedMonths,
            AlreadyEnforced: chamberCase.EnforcedPendingAppeal)];
    }
}
