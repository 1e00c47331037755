namespace Ordre.Contracts.Discipline;

/// <summary>
/// A disciplinary sanction became enforceable (the decision is final, or an ARS emergency case).
/// <paramref name="Kind"/>: Warning, Reprimand, PublicFunctionsBan, PracticeBan or StrikingOff (L.4124-6).
/// <paramref name="From"/> may be in the future; <paramref name="To"/> is the last day of a temporary ban.
/// <paramref name="SuspendedMonths"/> is the part under sursis, not enforced.
/// </summary>
public sealed record SanctionEnforceable(
    Guid SanctionId,
    string Rpps,
    string Kind,
    DateOnly From,
    DateOnly? To,
    int SuspendedMonths,
    DateTimeOffset OccurredAt);

/// <summary>An enforceable sanction ended early (e.g. annulled by the Conseil d'État) on <paramref name="On"/>.</summary>
public sealed record SanctionEnded(Guid SanctionId, string Rpps, DateOnly On, DateTimeOffset OccurredAt);

/// <summary>
/// L.4113-14: the first-instance chamber did not rule within 2 months on the case the regional health agency referred
/// after suspending the doctor in an emergency; that suspension lapses on <paramref name="On"/>.
/// </summary>
public sealed record EmergencySuspensionLapsed(Guid CaseId, string Rpps, DateOnly On, DateTimeOffset OccurredAt);
