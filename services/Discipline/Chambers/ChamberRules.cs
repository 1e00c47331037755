namespace Ordre.Discipline.Chambers;

/// <summary>The rules several chamber acts share: the time to decide, and when a sanction runs.</summary>
public static class ChamberRules
{
    /// <summary>L.4124-1 (K): the first-instance chamber decides within 6 months.</summary>
    public const int DecisionMonths = 6;
    /// <summary>L.4113-14: on a case referred after an ARS emergency suspension, 2 months, else the suspension lapses.</summary>
    public const int EmergencyDecisionMonths = 2;
    /// <summary>L.4113-14: undecided at first instance in time, the case goes to the national chamber, which has 2 more months.</summary>
    public const int NationalEmergencyDecisionMonths = 2;

    /// <summary>The national chamber's last day on an emergency case brought before it when the first chamber's time ran out.</summary>
    public static DateOnly NationalEmergencyDecisionDue(DateOnly firstInstanceDueOn) => firstInstanceDueOn.AddMonths(NationalEmergencyDecisionMonths);

    /// <summary>
    /// R.4126-30: the sanction runs from the date the decision fixed, or the day after it became final; a ban lasts
    /// its months less the part under sursis (none to enforce when all of it is suspended).
    /// </summary>
    public static (DateOnly From, DateOnly? To) Enforcement(
        DecisionOutcome outcome, int banMonths, int suspendedMonths, DateOnly? fixedFrom, DateOnly finalOn, int revokedMonths = 0)
    {
        var from = fixedFrom is { } fixedDay && fixedDay > finalOn ? fixedDay : finalOn.AddDays(1);
        // A revoked suspended part of an earlier sanction runs on after the new ban.
        var enforcedMonths = banMonths - suspendedMonths + revokedMonths;
        // A permanent ban from public functions (0 months, L.4124-6 3°) has no last day, whatever it revokes.
        var permanent = outcome == DecisionOutcome.PublicFunctionsBan && banMonths == 0;
        DateOnly? to = outcome is DecisionOutcome.PracticeBan or DecisionOutcome.PublicFunctionsBan && enforcedMonths > 0 && !permanent
            ? from.AddMonths(enforcedMonths).AddDays(-1)
            : null;
        return (from, to);
    }
}
