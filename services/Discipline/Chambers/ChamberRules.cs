using Ordre.Contracts.Calendar;

namespace Ordre.Discipline.Chambers;

/// <summary>The rules several chamber acts share: the national chamber's time on an emergency case, and when a sanction runs (the periods: <see cref="DisciplineRules"/>).</summary>
public static class ChamberRules
{
    /// <summary>
    /// L.4113-14: the national chamber's last day on an emergency case brought before it when the first chamber's 2 months
    /// ran out: 2 more months (<see cref="DisciplineRules.EmergencyNationalDecision"/>).
    /// </summary>
    public static DateOnly NationalEmergencyDecisionDue(DateOnly firstInstanceDueOn) =>
        DisciplineRules.Book.After(DisciplineRules.EmergencyNationalDecision, firstInstanceDueOn);

    /// <summary>
    /// R.4126-30: the sanction runs from the date the decision fixed, or the day after it became final; a ban lasts
    /// its months less the part under sursis (none to enforce when all of it is suspended), its last day counted as
    /// DOMAIN.md counts months (31 January + 1 month → 28 February).
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
            ? FrenchCalendar.LastDayOfMonths(from, enforcedMonths)
            : null;
        return (from, to);
    }
}
