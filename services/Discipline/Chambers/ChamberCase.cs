using Ordre.Discipline.Chambers.Appealing;
using Ordre.Discipline.Chambers.AppointingRapporteur;
using Ordre.Discipline.Chambers.Clock;
using Ordre.Discipline.Chambers.Deciding;
using Ordre.Discipline.Chambers.HoldingHearing;
using Ordre.Discipline.Chambers.LodgingCassation;
using Ordre.Discipline.Chambers.MovingCase;
using Ordre.Discipline.Chambers.Notifying;
using Ordre.Discipline.Chambers.NotifyingNationalDecision;
using Ordre.Discipline.Chambers.Opening;
using Ordre.Discipline.Chambers.RulingOnAppeal;
using Ordre.Discipline.Chambers.RulingOnCassation;
using Ordre.Discipline.Chambers.SchedulingHearing;

namespace Ordre.Discipline.Chambers;

/// <summary>Collegial decision or presidential order [S4: 238 collegial decisions, 88 orders].</summary>
public enum DecisionForm { Collegial, PresidentialOrder }

/// <summary>Dismissal or one of the five sanctions of L.4124-6.</summary>
public enum DecisionOutcome { Dismissed, Warning, Reprimand, PublicFunctionsBan, PracticeBan, StrikingOff }

public enum CaseStatus { Registered, Decided, Notified, Appealed, Final }

/// <summary>The Conseil d'État's outcome on a cassation appeal [S4: 61% not admitted, 5 annulled in 2019].</summary>
public enum CassationOutcome { NotAdmitted, Rejected, Annulled }

public sealed record Decision(DecisionForm Form, DecisionOutcome Outcome, int BanMonths, int SuspendedMonths, DateOnly? From, DateOnly DecidedOn)
{
    /// <summary>L.4124-6-1: training the doctor must follow, when the case revealed a lack of competence.</summary>
    public bool TrainingOrdered { get; init; }
    /// <summary>L.4124-6: the earlier case whose suspended part this decision makes enforceable, and that part's months.</summary>
    public Guid? RevokesSuspendedPartOf { get; init; }
    public int RevokedMonths { get; init; }
}

public sealed record Hearing(DateOnly On, DateOnly? HeldOn);

/// <summary>
/// A case at the first-instance chamber, opened when a departmental council transmits a complaint. The decision
/// becomes final when the 30-day appeal window passes without an admissible appeal (raised by the clock).
/// Only the state and how each event changes it: each act, with its request, events and rule, has its own folder.
/// </summary>
public sealed record ChamberCase(
    Guid Id, Guid ComplaintId, string Rpps, string Department, DateOnly RegisteredOn, DateOnly DecisionDueOn, CaseStatus Status)
{
    public Decision? Decision { get; init; }
    public DateOnly? NotifiedOn { get; init; }
    /// <summary>The last day of the longest appeal window (the furthest party's): the decision is final the day after.</summary>
    public DateOnly? AppealDeadline { get; init; }
    /// <summary>The notice did not state the appeal deadline: every party has 2 months (R.4126-32).</summary>
    public bool AppealDeadlineOmitted { get; init; }
    public bool AppealedAdmissibly { get; init; }
    /// <summary>The day the admissible appeal was lodged: the case opened at the national chamber (its time to judgment counts from it).</summary>
    public DateOnly? AppealLodgedOn { get; init; }
    /// <summary>L.4113-14: referred by the regional health agency after an emergency suspension; 2 months to decide, appeal not suspensive.</summary>
    public bool EmergencySuspension { get; init; }
    /// <summary>
    /// L.4113-14: the first-instance chamber did not rule on the emergency case in its 2 months; the national chamber now
    /// judges it (by <see cref="DecisionDueOn"/>), and its decision is final at once.
    /// </summary>
    public bool BeforeNationalChamber { get; init; }
    /// <summary>The ARS's emergency suspension lapsed for want of a decision in time (raised once).</summary>
    public bool EmergencyLapsed { get; init; }
    /// <summary>The first-instance sanction was published as enforceable on notification (an emergency case's appeal does not suspend it).</summary>
    public bool EnforcedPendingAppeal { get; init; }
    /// <summary>The id under which the Tableau knows the case's sanction: the case's, or the national chamber's replacement.</summary>
    public Guid SanctionId { get; init; } = Id;
    /// <summary>The day the decision became final (cassation may be lodged within 2 months of it).</summary>
    public DateOnly? FinalOn { get; init; }
    public DateOnly? CassationLodgedOn { get; init; }
    public CassationOutcome? Cassation { get; init; }
    /// <summary>The national chamber's decision on appeal (the case-law base publishes sheets of these).</summary>
    public DateOnly? NationalDecisionOn { get; init; }
    /// <summary>The day the national chamber's decision was notified, and the last day to lodge a cassation appeal (R.4126-48).</summary>
    public DateOnly? NationalNotifiedOn { get; init; }
    public DateOnly? CassationDeadline { get; init; }
    public string? Rapporteur { get; init; }
    public Hearing? Hearing { get; init; }
    /// <summary>The case was moved by the national chamber's president to the chamber of this region.</summary>
    public string? MovedToRegion { get; init; }
    /// <summary>The 6 months to decide have passed (L.4124-1): the national chamber's president may move the case.</summary>
    public bool DecisionOverdue { get; init; }

    /// <summary>The region whose first-instance chamber judges the case: the doctor's, unless the case was moved.</summary>
    public string Chamber => MovedToRegion ?? DepartmentCode.RegionOf(Department) ?? Department;

    /// <summary>The next day the clock acts on this case: the day after the appeal window, or after the 6 months to decide.</summary>
    public DateOnly? NextDeadline => Status switch
    {
        CaseStatus.Notified => AppealDeadline?.AddDays(1),
        CaseStatus.Registered when !DecisionOverdue => DecisionDueOn.AddDays(1),
        _ => null,
    };

    public static ChamberCase Create(ChamberCaseRegistered e) =>
        new(e.CaseId, e.ComplaintId, e.Rpps, e.Department, e.RegisteredOn, e.DecisionDueOn, CaseStatus.Registered) { EmergencySuspension = e.EmergencySuspension };

    public ChamberCase Apply(RapporteurAppointed e) => this with { Rapporteur = e.Rapporteur };
    public ChamberCase Apply(HearingScheduled e) => this with { Hearing = new Hearing(e.HearingOn, null) };
    public ChamberCase Apply(HearingHeld e) => this with { Hearing = new Hearing(e.On, e.On) };
    public ChamberCase Apply(DecisionDeadlinePassed e) => this with { DecisionOverdue = true };
    public ChamberCase Apply(CaseMovedToAnotherChamber e) => this with
    {
        MovedToRegion = e.ToRegion, DecisionOverdue = false, DecisionDueOn = e.DecisionDueOn, Rapporteur = null, Hearing = null,
    };

    public ChamberCase Apply(EmergencyCaseBroughtBeforeNationalChamber e) => this with { BeforeNationalChamber = true, DecisionDueOn = e.NationalDueOn };

    public ChamberCase Apply(DecisionRendered e) => this with
    {
        Status = CaseStatus.Decided,
        NationalDecisionOn = e.ByNationalChamber ? e.On : NationalDecisionOn,
        Decision = new Decision(e.Form, e.Outcome, e.BanMonths, e.SuspendedMonths, e.From, e.On)
        {
            TrainingOrdered = e.TrainingOrdered, RevokesSuspendedPartOf = e.RevokesSuspendedPartOf, RevokedMonths = e.RevokedMonths,
        },
    };

    public ChamberCase Apply(CaseDecisionNotified e) => this with
    {
        Status = CaseStatus.Notified, NotifiedOn = e.On, AppealDeadline = e.AppealDeadline, AppealDeadlineOmitted = e.DeadlineOmitted,
    };

    public ChamberCase Apply(AppealToNationalChamberLodged e) =>
        e.Admissible ? this with { Status = CaseStatus.Appealed, AppealedAdmissibly = true, AppealLodgedOn = e.LodgedOn } : this;

    public ChamberCase Apply(NationalChamberDecided e) => this with
    {
        NationalDecisionOn = e.On,
        Decision = e.Ruling == AppealRuling.Replaced
            ? new Decision(e.Form, e.Outcome, e.BanMonths, e.SuspendedMonths, e.From, e.On)
            {
                TrainingOrdered = e.TrainingOrdered, RevokesSuspendedPartOf = e.RevokesSuspendedPartOf, RevokedMonths = e.RevokedMonths,
            }
            : Decision,
    };

    public ChamberCase Apply(DecisionBecameFinal e) => this with { Status = CaseStatus.Final, FinalOn = e.On, SanctionId = e.SanctionId ?? SanctionId };
    public ChamberCase Apply(DecisionEnforceablePendingAppeal e) => this with { EnforcedPendingAppeal = true };
    public ChamberCase Apply(ProvisionalSanctionEnded e) => this with { EnforcedPendingAppeal = false };
    public ChamberCase Apply(EmergencyCaseUndecidedInTime e) => this with { EmergencyLapsed = true };

    public ChamberCase Apply(NationalDecisionNotified e) => this with { NationalNotifiedOn = e.On, CassationDeadline = e.CassationDeadline };

    public ChamberCase Apply(CassationAppealLodged e) => this with { CassationLodgedOn = e.LodgedOn };

    public ChamberCase Apply(CassationDecided e) => this with { Cassation = e.Outcome };
}
