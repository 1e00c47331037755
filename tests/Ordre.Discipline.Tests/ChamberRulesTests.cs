using Ordre.Contracts.Discipline;
using Ordre.Discipline.Chambers;
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
using JasperFx.Events;
using Ordre.ServiceDefaults.EventStore;
using Ordre.ServiceDefaults.Messaging;

namespace Ordre.Discipline.Tests;

public class ChamberRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static ChamberCase Registered() => ChamberCase.Create(new ChamberCaseRegistered(
        Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, Today.AddMonths(6)));

    private static ChamberCase After(ChamberCase chamberCase, Outcome outcome) =>
        Assert.IsType<Outcome.Accepted>(outcome).Events.Aggregate(chamberCase, Evolution<ChamberCase>.Apply);

    /// <summary>A case whose hearing was held (on the day after its registration).</summary>
    private static ChamberCase Heard(string rpps = "10005173140")
    {
        var registered = ChamberCase.Create(new ChamberCaseRegistered(Guid.NewGuid(), Guid.NewGuid(), rpps, "75", Today, Today.AddMonths(6)));
        var withRapporteur = After(registered, AppointRapporteurEndpoint.Decide(registered, new AppointRapporteur("Dr Rapporteur"), Today, "cdpi"));
        var scheduled = After(withRapporteur, ScheduleHearingEndpoint.Decide(withRapporteur, new ScheduleHearing(Today.AddDays(1)), Today, "cdpi"));
        return After(scheduled, HoldHearingEndpoint.Decide(scheduled, Today.AddDays(1), "cdpi"));
    }

    private static ChamberCase Notified(DecisionOutcome outcome, int months = 0, int suspended = 0, DateOnly? from = null)
    {
        var decided = After(Heard(), RenderDecisionEndpoint.Decide(Heard(), new RenderDecision(DecisionForm.Collegial, outcome, months, suspended, from), Today, "cdpi"));
        return After(decided, NotifyDecisionEndpoint.Decide(decided, Today, "cdpi"));
    }

    [Fact]
    public void A_hearing_is_set_after_the_registration_once_a_rapporteur_is_appointed_and_held_on_its_day()
    {
        var registered = Registered();
        Assert.IsType<Outcome.NotAllowed>(ScheduleHearingEndpoint.Decide(registered, new ScheduleHearing(Today.AddDays(10)), Today, "cdpi"));
        var withRapporteur = After(registered, AppointRapporteurEndpoint.Decide(registered, new AppointRapporteur("Dr R"), Today, "cdpi"));
        Assert.IsType<Outcome.Invalid>(ScheduleHearingEndpoint.Decide(withRapporteur, new ScheduleHearing(Today), Today, "cdpi"));
        var scheduled = After(withRapporteur, ScheduleHearingEndpoint.Decide(withRapporteur, new ScheduleHearing(Today.AddDays(10)), Today, "cdpi"));
        Assert.IsType<Outcome.NotAllowed>(HoldHearingEndpoint.Decide(scheduled, Today.AddDays(9), "cdpi"));
        var held = After(scheduled, HoldHearingEndpoint.Decide(scheduled, Today.AddDays(10), "cdpi"));
        Assert.IsType<Outcome.NotAllowed>(HoldHearingEndpoint.Decide(held, Today.AddDays(10), "cdpi"));
    }

    [Fact]
    public void A_collegial_decision_follows_the_hearing_while_a_presidential_order_needs_none()
    {
        Assert.IsType<Outcome.NotAllowed>(RenderDecisionEndpoint.Decide(Registered(), new RenderDecision(DecisionForm.Collegial, DecisionOutcome.Dismissed, null, null, null), Today, "cdpi"));
        Assert.IsType<Outcome.Accepted>(RenderDecisionEndpoint.Decide(Registered(), new RenderDecision(DecisionForm.PresidentialOrder, DecisionOutcome.Dismissed, null, null, null), Today, "cdpi"));
        Assert.IsType<Outcome.Accepted>(RenderDecisionEndpoint.Decide(Heard(), new RenderDecision(DecisionForm.Collegial, DecisionOutcome.Dismissed, null, null, null), Today, "cdpi"));
    }

    [Fact]
    public void Training_ordered_is_part_of_the_decision()
    {
        var decided = After(Heard(), RenderDecisionEndpoint.Decide(Heard(), new RenderDecision(DecisionForm.Collegial, DecisionOutcome.Warning, null, null, null, TrainingOrdered: true), Today, "cdpi"));
        Assert.True(decided.Decision!.TrainingOrdered);
    }

    [Fact]
    public void After_six_months_without_a_decision_the_clock_flags_the_case_and_only_then_may_it_be_moved_to_another_chamber()
    {
        var registered = Registered();
        Assert.Equal("IDF", registered.Chamber);
        Assert.IsType<Outcome.NotAllowed>(MoveCaseEndpoint.Decide(registered, new MoveCase("PAC"), Today.AddMonths(5), "cdn"));
        Assert.Empty(CaseClock.DueOn(registered, registered.DecisionDueOn));
        var overdue = registered.Apply(Assert.IsType<DecisionDeadlinePassed>(Assert.Single(CaseClock.DueOn(registered, registered.DecisionDueOn.AddDays(1)))));
        Assert.IsType<Outcome.Invalid>(MoveCaseEndpoint.Decide(overdue, new MoveCase("IDF"), Today.AddMonths(7), "cdn"));
        Assert.IsType<Outcome.Invalid>(MoveCaseEndpoint.Decide(overdue, new MoveCase("XYZ"), Today.AddMonths(7), "cdn"));
        var moved = After(overdue, MoveCaseEndpoint.Decide(overdue, new MoveCase("PAC"), Today.AddMonths(7), "cdn"));
        Assert.Equal(("PAC", Today.AddMonths(13), false), (moved.Chamber, moved.DecisionDueOn, moved.DecisionOverdue));
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(1, 0, true)]
    [InlineData(36, 12, true)]
    [InlineData(37, 0, false)]
    [InlineData(12, 13, false)]
    public void A_ban_on_practising_lasts_one_to_thirty_six_months_with_a_suspended_part_at_most_equal(int months, int suspended, bool valid) =>
        Assert.Equal(valid, RenderDecisionEndpoint.Decide(Heard(), new RenderDecision(DecisionForm.Collegial, DecisionOutcome.PracticeBan, months, suspended, null), Today, "cdpi") is Outcome.Accepted);

    [Fact]
    public void A_warning_has_no_duration() =>
        Assert.IsType<Outcome.Invalid>(RenderDecisionEndpoint.Decide(Heard(), new RenderDecision(DecisionForm.Collegial, DecisionOutcome.Warning, 3, 0, null), Today, "cdpi"));

    private static ChamberCase FinalSuspendedBan(string rpps, DateOnly notifiedOn)
    {
        var registered = ChamberCase.Create(new ChamberCaseRegistered(Guid.NewGuid(), Guid.NewGuid(), rpps, "75", notifiedOn, notifiedOn.AddMonths(6)));
        return registered
            .Apply(new DecisionRendered(registered.Id, DecisionForm.Collegial, DecisionOutcome.PracticeBan, 6, 6, null, notifiedOn, "cdpi"))
            .Apply(new CaseDecisionNotified(registered.Id, notifiedOn, notifiedOn.AddDays(30), "cdpi"))
            .Apply(new DecisionBecameFinal(registered.Id, rpps, DecisionOutcome.PracticeBan, notifiedOn.AddDays(31), notifiedOn.AddDays(32), null, 6));
    }

    [Fact]
    public void A_new_ban_for_acts_within_five_years_of_a_suspended_sanction_may_make_its_suspended_part_run_after_it()
    {
        var earlier = FinalSuspendedBan("10005173140", Today.AddYears(-4));
        var revoking = new RenderDecision(DecisionForm.Collegial, DecisionOutcome.PracticeBan, 3, 0, null, RevokeSuspendedPartOf: earlier.Id, ActsCommittedOn: Today.AddYears(-1));
        var decided = After(Heard(), RenderDecisionEndpoint.Decide(Heard(), revoking, Today, "cdpi", earlier));
        Assert.Equal((earlier.Id, 6), (decided.Decision!.RevokesSuspendedPartOf, decided.Decision.RevokedMonths));
        var notified = After(decided, NotifyDecisionEndpoint.Decide(decided, Today, "cdpi"));
        var final = Assert.IsType<DecisionBecameFinal>(Assert.Single(CaseClock.DueOn(notified, Today.AddDays(31))));
        Assert.Equal(final.From.AddMonths(3 + 6).AddDays(-1), final.To);
    }

    [Fact]
    public void A_suspended_part_is_not_revoked_for_acts_after_five_years_by_a_warning_or_for_another_doctor()
    {
        var earlier = FinalSuspendedBan("10005173140", Today.AddYears(-6));
        Assert.IsType<Outcome.Invalid>(RenderDecisionEndpoint.Decide(Heard(), new RenderDecision(DecisionForm.Collegial, DecisionOutcome.PracticeBan, 3, 0, null,
            RevokeSuspendedPartOf: earlier.Id, ActsCommittedOn: Today.AddMonths(-2)), Today, "cdpi", earlier));
        var recent = FinalSuspendedBan("10005173140", Today.AddYears(-1));
        Assert.IsType<Outcome.Invalid>(RenderDecisionEndpoint.Decide(Heard(), new RenderDecision(DecisionForm.Collegial, DecisionOutcome.Warning, null, null, null,
            RevokeSuspendedPartOf: recent.Id, ActsCommittedOn: Today.AddMonths(-2)), Today, "cdpi", recent));
        var otherDoctor = FinalSuspendedBan("10001234567", Today.AddYears(-1));
        Assert.IsType<Outcome.Invalid>(RenderDecisionEndpoint.Decide(Heard(), new RenderDecision(DecisionForm.Collegial, DecisionOutcome.PracticeBan, 3, 0, null,
            RevokeSuspendedPartOf: otherDoctor.Id, ActsCommittedOn: Today.AddMonths(-2)), Today, "cdpi", otherDoctor));
    }

    [Fact]
    public void A_suspended_part_is_revoked_once_and_only_by_a_sanction_of_the_same_kind()
    {
        var earlier = FinalSuspendedBan("10005173140", Today.AddYears(-2));
        var revoking = new RenderDecision(DecisionForm.Collegial, DecisionOutcome.PracticeBan, 3, 0, null, RevokeSuspendedPartOf: earlier.Id, ActsCommittedOn: Today.AddMonths(-3));
        Assert.IsType<Outcome.Invalid>(RenderDecisionEndpoint.Decide(Heard(), revoking, Today, "cdpi", earlier, earlierAlreadyRevoked: true));
        Assert.IsType<Outcome.Invalid>(RenderDecisionEndpoint.Decide(Heard(), revoking with { Outcome = DecisionOutcome.PublicFunctionsBan }, Today, "cdpi", earlier));
        Assert.IsType<Outcome.Accepted>(RenderDecisionEndpoint.Decide(Heard(), revoking, Today, "cdpi", earlier));
    }

    [Theory]
    [InlineData(DecisionOutcome.PracticeBan, 6, 3000)]
    [InlineData(DecisionOutcome.PublicFunctionsBan, 200_000, null)]
    public void Durations_and_start_dates_stay_within_bounds(DecisionOutcome outcome, int months, int? fromYear) =>
        Assert.IsType<Outcome.Invalid>(RenderDecisionEndpoint.Decide(Heard(), new RenderDecision(DecisionForm.Collegial, outcome, months, 0, fromYear is { } year ? new DateOnly(year, 1, 1) : null), Today, "cdpi"));

    [Fact]
    public void A_case_is_judged_once() =>
        Assert.IsType<Outcome.NotAllowed>(RenderDecisionEndpoint.Decide(Notified(DecisionOutcome.Warning), new RenderDecision(DecisionForm.Collegial, DecisionOutcome.Reprimand, null, null, null), Today, "cdpi"));

    [Fact]
    public void An_unappealed_decision_becomes_final_after_thirty_days_and_the_ban_runs_from_the_next_day()
    {
        var notified = Notified(DecisionOutcome.PracticeBan, months: 6, suspended: 2);
        Assert.Empty(CaseClock.DueOn(notified, Today.AddDays(30)));
        var final = Assert.IsType<DecisionBecameFinal>(Assert.Single(CaseClock.DueOn(notified, Today.AddDays(31))));
        Assert.Equal(Today.AddDays(31), final.On);
        Assert.Equal(Today.AddDays(32), final.From);
        Assert.Equal(Today.AddDays(32).AddMonths(4).AddDays(-1), final.To); // 6 months less 2 with sursis
    }

    [Fact]
    public void A_fully_suspended_ban_is_never_enforced() =>
        Assert.Null(Assert.IsType<DecisionBecameFinal>(Assert.Single(CaseClock.DueOn(Notified(DecisionOutcome.PracticeBan, 6, 6), Today.AddDays(31)))).To);

    [Fact]
    public void A_permanent_ban_from_public_functions_is_published_to_the_Tableau_while_a_fully_suspended_ban_is_not()
    {
        // L.4124-6 3°: a ban from public functions may be temporary or permanent (no duration, no end date).
        var map = new IntegrationEventMap();
        ChambersModule.PublishSanctions(map);
        var permanent = Assert.IsType<DecisionBecameFinal>(Assert.Single(CaseClock.DueOn(Notified(DecisionOutcome.PublicFunctionsBan), Today.AddDays(31))));
        var published = Assert.IsType<SanctionEnforceable>(map.Translate(new Event<DecisionBecameFinal>(permanent)));
        Assert.Equal(("PublicFunctionsBan", Today.AddDays(32), (DateOnly?)null, 0), (published.Kind, published.From, published.To, published.SuspendedMonths));
        var fullySuspended = Assert.IsType<DecisionBecameFinal>(Assert.Single(CaseClock.DueOn(Notified(DecisionOutcome.PublicFunctionsBan, 6, 6), Today.AddDays(31))));
        Assert.Null(map.Translate(new Event<DecisionBecameFinal>(fullySuspended)));
    }

    [Fact]
    public void An_appeal_in_time_suspends_the_decision_and_a_late_one_is_registered_but_inadmissible()
    {
        var notified = Notified(DecisionOutcome.StrikingOff);
        var late = Assert.IsType<AppealToNationalChamberLodged>(Assert.IsType<Outcome.Accepted>(LodgeAppealEndpoint.Decide(notified, new LodgeAppeal(Today.AddDays(31)), Today.AddDays(31), "cdn")).Events[0]);
        Assert.False(late.Admissible);
        Assert.NotEmpty(CaseClock.DueOn(notified.Apply(late), Today.AddDays(31)));

        var inTime = Assert.IsType<AppealToNationalChamberLodged>(Assert.IsType<Outcome.Accepted>(LodgeAppealEndpoint.Decide(notified, new LodgeAppeal(Today.AddDays(30)), Today.AddDays(30), "cdn")).Events[0]);
        Assert.Empty(CaseClock.DueOn(notified.Apply(inTime), Today.AddDays(60)));
    }
}

public class NationalChamberRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static ChamberCase Appealed(bool inTime = true)
    {
        var registered = ChamberCase.Create(new ChamberCaseRegistered(Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, Today.AddMonths(6)));
        return registered
            .Apply(new DecisionRendered(registered.Id, DecisionForm.Collegial, DecisionOutcome.PracticeBan, 12, 6, null, Today, "cdpi"))
            .Apply(new CaseDecisionNotified(registered.Id, Today, Today.AddDays(30), "cdpi"))
            .Apply(new AppealToNationalChamberLodged(registered.Id, inTime ? Today.AddDays(10) : Today.AddDays(40), inTime, "cdn"));
    }

    [Fact]
    public void Confirming_on_appeal_makes_the_first_decision_final_and_enforceable_from_the_next_day()
    {
        var events = Assert.IsType<Outcome.Accepted>(DecideNationalAppealEndpoint.Decide(Appealed(), new DecideNationalAppeal(AppealRuling.Confirmed, null), Today.AddDays(90), "cdn")).Events;
        var final = Assert.IsType<DecisionBecameFinal>(events[1]);
        Assert.Equal((DecisionOutcome.PracticeBan, Today.AddDays(91), Today.AddDays(91).AddMonths(6).AddDays(-1)), (final.Outcome, final.From, final.To));
    }

    [Fact]
    public void The_national_chamber_may_replace_the_decision_within_the_same_rules()
    {
        Assert.IsType<Outcome.Invalid>(DecideNationalAppealEndpoint.Decide(Appealed(), new DecideNationalAppeal(AppealRuling.Replaced, new RenderDecision(DecisionForm.Collegial, DecisionOutcome.PracticeBan, 40, 0, null)), Today, "cdn"));
        var events = Assert.IsType<Outcome.Accepted>(DecideNationalAppealEndpoint.Decide(Appealed(), new DecideNationalAppeal(AppealRuling.Replaced, new RenderDecision(DecisionForm.Collegial, DecisionOutcome.Reprimand, null, null, null)), Today, "cdn")).Events;
        Assert.Equal(DecisionOutcome.Reprimand, Assert.IsType<DecisionBecameFinal>(events[1]).Outcome);
    }

    [Fact]
    public void A_case_the_national_chamber_has_ruled_on_cannot_be_appealed_again_even_within_the_first_window()
    {
        // R.4126-44: one appeal to the national chamber, whose decision is final (only cassation lies against it).
        var ruled = Appealed();
        ruled = Assert.IsType<Outcome.Accepted>(DecideNationalAppealEndpoint.Decide(ruled, new DecideNationalAppeal(AppealRuling.Confirmed, null), Today.AddDays(20), "cdn"))
            .Events.Aggregate(ruled, Evolution<ChamberCase>.Apply);
        var again = Assert.IsType<Outcome.NotAllowed>(LodgeAppealEndpoint.Decide(ruled, new LodgeAppeal(Today.AddDays(25)), Today.AddDays(25), "cdn"));
        Assert.Contains("chambre nationale a déjà statué", again.Reason);
    }

    [Fact]
    public void A_late_appeal_gives_the_national_chamber_nothing_to_rule_on() =>
        Assert.IsType<Outcome.NotAllowed>(DecideNationalAppealEndpoint.Decide(Appealed(inTime: false), new DecideNationalAppeal(AppealRuling.Confirmed, null), Today, "cdn"));
}

public class CassationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static ChamberCase After(ChamberCase chamberCase, Outcome outcome) =>
        Assert.IsType<Outcome.Accepted>(outcome).Events.Aggregate(chamberCase, Evolution<ChamberCase>.Apply);

    private static ChamberCase Final()
    {
        var registered = ChamberCase.Create(new ChamberCaseRegistered(Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, Today.AddMonths(6)));
        return registered
            .Apply(new DecisionRendered(registered.Id, DecisionForm.Collegial, DecisionOutcome.StrikingOff, 0, 0, null, Today, "cdpi"))
            .Apply(new CaseDecisionNotified(registered.Id, Today, Today.AddDays(30), "cdpi"))
            .Apply(new DecisionBecameFinal(registered.Id, "10005173140", DecisionOutcome.StrikingOff, Today.AddDays(31), Today.AddDays(32), null, 0));
    }

    [Fact]
    public void A_cassation_appeal_is_lodged_once_and_an_annulment_is_recorded()
    {
        var ruled = RuledByTheNationalChamber(Today.AddDays(21));
        var lodged = After(ruled, LodgeCassationEndpoint.Decide(ruled, new LodgeCassation(Today.AddDays(30)), Today.AddDays(30), "cdn"));
        Assert.IsType<Outcome.NotAllowed>(LodgeCassationEndpoint.Decide(lodged, new LodgeCassation(Today.AddDays(40)), Today.AddDays(40), "cdn"));
        Assert.Equal(CassationOutcome.Annulled, Assert.IsType<CassationDecided>(Assert.IsType<Outcome.Accepted>(
            RecordCassationOutcomeEndpoint.Decide(lodged, new RecordCassation(CassationOutcome.Annulled), Today.AddDays(200), "cdn")).Events[0]).Outcome);
    }

    [Fact]
    public void Cassation_lies_only_against_a_decision_of_the_national_chamber_not_against_an_unappealed_first_instance_decision() =>
        // R.4126-48 (DOMAIN §3.2): the Conseil d'État hears cassation appeals against the national chamber's decisions.
        Assert.IsType<Outcome.NotAllowed>(LodgeCassationEndpoint.Decide(Final(), new LodgeCassation(Today.AddDays(40)), Today.AddDays(40), "cdn"));

    private static ChamberCase RuledByTheNationalChamber(DateOnly notifiedOn)
    {
        var registered = ChamberCase.Create(new ChamberCaseRegistered(Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, Today.AddMonths(6)));
        var appealed = registered
            .Apply(new DecisionRendered(registered.Id, DecisionForm.Collegial, DecisionOutcome.StrikingOff, 0, 0, null, Today, "cdpi"))
            .Apply(new CaseDecisionNotified(registered.Id, Today, Today.AddDays(30), "cdpi"))
            .Apply(new AppealToNationalChamberLodged(registered.Id, Today.AddDays(10), true, "cdn"));
        var ruled = Assert.IsType<Outcome.Accepted>(DecideNationalAppealEndpoint.Decide(appealed, new DecideNationalAppeal(AppealRuling.Confirmed, null), Today.AddDays(20), "cdn"))
            .Events.Aggregate(appealed, Evolution<ChamberCase>.Apply);
        return Assert.IsType<Outcome.Accepted>(NotifyNationalDecisionEndpoint.Decide(ruled, notifiedOn, "cdn")).Events.Aggregate(ruled, Evolution<ChamberCase>.Apply);
    }

    [Fact]
    public void A_cassation_appeal_is_in_time_on_the_last_day_of_the_two_months_after_the_national_decision_was_notified_and_late_the_day_after()
    {
        // R.4126-48: 2 months from the notification of the national chamber's decision; 17/12/2026 + 2 months = 17/02/2027, a Wednesday.
        var ruled = RuledByTheNationalChamber(new DateOnly(2026, 12, 17));
        Assert.Equal(new DateOnly(2027, 2, 17), ruled.CassationDeadline);
        Assert.IsType<Outcome.Accepted>(LodgeCassationEndpoint.Decide(ruled, new LodgeCassation(new DateOnly(2027, 2, 17)), new DateOnly(2027, 2, 17), "cdn"));
        Assert.IsType<Outcome.NotAllowed>(LodgeCassationEndpoint.Decide(ruled, new LodgeCassation(new DateOnly(2027, 2, 18)), new DateOnly(2027, 2, 18), "cdn"));
    }

    [Fact]
    public void A_cassation_deadline_falling_on_a_Saturday_moves_to_the_next_working_day()
    {
        // R.4126-48 with the calendar rule (DOMAIN open question 13): notified 20/12/2026, 2 months end on Saturday 20/02/2027.
        var ruled = RuledByTheNationalChamber(new DateOnly(2026, 12, 20));
        Assert.Equal(new DateOnly(2027, 2, 22), ruled.CassationDeadline);
        Assert.IsType<Outcome.Accepted>(LodgeCassationEndpoint.Decide(ruled, new LodgeCassation(new DateOnly(2027, 2, 22)), new DateOnly(2027, 2, 22), "cdn"));
        Assert.IsType<Outcome.NotAllowed>(LodgeCassationEndpoint.Decide(ruled, new LodgeCassation(new DateOnly(2027, 2, 23)), new DateOnly(2027, 2, 23), "cdn"));
    }

    [Fact]
    public void The_national_decision_is_notified_once_and_only_after_the_national_chamber_ruled()
    {
        Assert.IsType<Outcome.NotAllowed>(NotifyNationalDecisionEndpoint.Decide(Final(), Today.AddDays(40), "cdn"));
        Assert.IsType<Outcome.NotAllowed>(NotifyNationalDecisionEndpoint.Decide(RuledByTheNationalChamber(Today.AddDays(21)), Today.AddDays(22), "cdn"));
    }

    [Fact]
    public void There_is_no_cassation_outcome_without_a_pending_appeal() =>
        Assert.IsType<Outcome.NotAllowed>(RecordCassationOutcomeEndpoint.Decide(Final(), new RecordCassation(CassationOutcome.Rejected), Today, "cdn"));
}

/// <summary>L.4113-14: the case the regional health agency refers after suspending a doctor in an emergency.</summary>
public class EmergencyCaseRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static ChamberCase Emergency() => ChamberCase.Create(new ChamberCaseRegistered(
        Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, Today.AddMonths(2), EmergencySuspension: true));

    private static ChamberCase After(ChamberCase chamberCase, Outcome outcome) =>
        Assert.IsType<Outcome.Accepted>(outcome).Events.Aggregate(chamberCase, Evolution<ChamberCase>.Apply);

    private static ChamberCase NotifiedBan()
    {
        var decided = After(Emergency(), RenderDecisionEndpoint.Decide(Emergency(), new RenderDecision(DecisionForm.PresidentialOrder, DecisionOutcome.PracticeBan, 3, 0, null), Today, "cdpi"));
        return After(decided, NotifyDecisionEndpoint.Decide(decided, Today, "cdpi"));
    }

    [Fact]
    public void Undecided_by_the_first_instance_chamber_in_two_months_the_case_goes_to_the_national_chamber_and_the_suspension_lapses_only_after_its_two_months()
    {
        // L.4113-14: the first-instance chamber rules within 2 months; failing that the case is brought before the
        // national chamber, which rules within 2 months; failing that, the suspension ends automatically.
        var emergency = Emergency();
        Assert.Empty(CaseClock.DueOn(emergency, Today.AddMonths(2)));
        var firstDue = CaseClock.DueOn(emergency, Today.AddMonths(2).AddDays(1));
        Assert.Empty(firstDue.OfType<EmergencyCaseUndecidedInTime>());
        var carried = firstDue.Aggregate(emergency, Evolution<ChamberCase>.Apply);
        Assert.Equal(Today.AddMonths(2).AddMonths(2), carried.DecisionDueOn);
        Assert.Empty(CaseClock.DueOn(carried, Today.AddMonths(4)));
        var due = CaseClock.DueOn(carried, Today.AddMonths(4).AddDays(1));
        Assert.Equal(emergency.Rpps, Assert.Single(due.OfType<EmergencyCaseUndecidedInTime>()).Rpps);
        var lapsed = due.Aggregate(carried, Evolution<ChamberCase>.Apply);
        Assert.Empty(CaseClock.DueOn(lapsed, Today.AddMonths(6)));
    }

    [Fact]
    public void An_emergency_case_brought_before_the_national_chamber_is_decided_there_and_is_final_at_once()
    {
        // L.4113-14: the national chamber rules on the case the first chamber left undecided; its decision is final
        // (no appeal), so the sanction runs from the next day and only cassation lies against it.
        var carried = CaseClock.DueOn(Emergency(), Today.AddMonths(2).AddDays(1)).Aggregate(Emergency(), Evolution<ChamberCase>.Apply);
        var ban = new RenderDecision(DecisionForm.Collegial, DecisionOutcome.PracticeBan, 6, 0, null);
        Assert.IsType<Outcome.NotAllowed>(RenderDecisionEndpoint.Decide(carried, ban, Today.AddMonths(3), "cdpi"));
        Assert.IsType<Outcome.NotAllowed>(RenderDecisionEndpoint.Decide(Emergency(), ban, Today, "cdn", byNationalChamber: true));
        var decided = After(carried, RenderDecisionEndpoint.Decide(carried, ban, Today.AddMonths(3), "cdn", byNationalChamber: true));
        Assert.Equal((CaseStatus.Final, Today.AddMonths(3)), (decided.Status, decided.NationalDecisionOn));
        Assert.Empty(CaseClock.DueOn(decided, Today.AddMonths(5)));
        Assert.IsType<Outcome.NotAllowed>(LodgeAppealEndpoint.Decide(decided, new LodgeAppeal(null), Today.AddMonths(3), "cdn"));
        Assert.IsType<Outcome.Accepted>(LodgeCassationEndpoint.Decide(decided, new LodgeCassation(null), Today.AddMonths(3), "cdn"));
    }

    [Fact]
    public void The_sanction_is_enforceable_from_the_day_after_notification_and_not_published_again_when_final()
    {
        var decided = After(Emergency(), RenderDecisionEndpoint.Decide(Emergency(), new RenderDecision(DecisionForm.PresidentialOrder, DecisionOutcome.PracticeBan, 3, 0, null), Today, "cdpi"));
        var events = Assert.IsType<Outcome.Accepted>(NotifyDecisionEndpoint.Decide(decided, Today, "cdpi")).Events;
        var enforceable = Assert.Single(events.OfType<DecisionEnforceablePendingAppeal>());
        Assert.Equal((Today.AddDays(1), Today.AddDays(1).AddMonths(3).AddDays(-1)), (enforceable.From, enforceable.To));
        var final = Assert.IsType<DecisionBecameFinal>(Assert.Single(CaseClock.DueOn(NotifiedBan(), Today.AddDays(31))));
        Assert.True(final.AlreadyEnforced);
    }

    [Fact]
    public void Replaced_on_appeal_the_enforced_sanction_ends_and_the_national_one_runs_under_its_own_id()
    {
        var appealed = After(NotifiedBan(), LodgeAppealEndpoint.Decide(NotifiedBan(), new LodgeAppeal(Today.AddDays(5)), Today.AddDays(5), "cdn"));
        var confirmed = Assert.IsType<Outcome.Accepted>(DecideNationalAppealEndpoint.Decide(appealed, new DecideNationalAppeal(AppealRuling.Confirmed, null), Today.AddDays(40), "cdn")).Events;
        Assert.True(Assert.Single(confirmed.OfType<DecisionBecameFinal>()).AlreadyEnforced);
        Assert.Empty(confirmed.OfType<ProvisionalSanctionEnded>());

        var replacing = new DecideNationalAppeal(AppealRuling.Replaced, new RenderDecision(DecisionForm.Collegial, DecisionOutcome.Reprimand, null, null, null));
        var replaced = After(appealed, DecideNationalAppealEndpoint.Decide(appealed, replacing, Today.AddDays(40), "cdn"));
        Assert.Equal(DecideNationalAppealEndpoint.ReplacementSanctionId(appealed.Id), replaced.SanctionId);
        Assert.NotEqual(appealed.Id, replaced.SanctionId);
        var events = Assert.IsType<Outcome.Accepted>(DecideNationalAppealEndpoint.Decide(appealed, replacing, Today.AddDays(40), "cdn")).Events;
        Assert.Equal(appealed.Id, Assert.Single(events.OfType<ProvisionalSanctionEnded>()).CaseId);

        // An annulment in cassation then ends the sanction that runs: the national one.
        var lodged = After(replaced, LodgeCassationEndpoint.Decide(replaced, new LodgeCassation(Today.AddDays(50)), Today.AddDays(50), "cdn"));
        var annulled = Assert.IsType<CassationDecided>(Assert.IsType<Outcome.Accepted>(RecordCassationOutcomeEndpoint.Decide(lodged, new RecordCassation(CassationOutcome.Annulled), Today.AddDays(200), "cdn")).Events[0]);
        Assert.Equal(replaced.SanctionId, annulled.SanctionId);
    }

    [Fact]
    public void An_ordinary_case_publishes_its_sanction_only_when_final() =>
        Assert.Empty(Assert.IsType<Outcome.Accepted>(NotifyDecisionEndpoint.Decide(Assert.IsType<Outcome.Accepted>(RenderDecisionEndpoint.Decide(ChamberCase.Create(new ChamberCaseRegistered(Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, Today.AddMonths(6))), new RenderDecision(DecisionForm.PresidentialOrder, DecisionOutcome.PracticeBan, 3, 0, null), Today, "cdpi")).Events
                .Aggregate(ChamberCase.Create(new ChamberCaseRegistered(Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, Today.AddMonths(6))), Evolution<ChamberCase>.Apply), Today, "cdpi")).Events.OfType<DecisionEnforceablePendingAppeal>());

    [Fact]
    public void Every_sanction_crosses_to_the_tableau_under_its_own_name_and_a_dismissal_under_none()
    {
        foreach (var outcome in Enum.GetValues<DecisionOutcome>().Where(o => o != DecisionOutcome.Dismissed))
            Assert.Equal(outcome.ToString(), ChambersModule.SanctionOf(outcome).Name());
        Assert.Throws<ArgumentOutOfRangeException>(() => ChambersModule.SanctionOf(DecisionOutcome.Dismissed));
        Assert.Equal(SanctionKinds.Dismissed, DecisionOutcome.Dismissed.ToString());
    }

    // DOMAIN.md conventions: months are calendar months, the same day of the month or the last day of a shorter one;
    // R.4126-30: the sanction runs from the date the decision fixes.
    [Fact]
    public void A_one_month_ban_from_the_thirty_first_of_january_ends_on_the_twenty_eighth_of_february() =>
        Assert.Equal((new DateOnly(2027, 1, 31), (DateOnly?)new DateOnly(2027, 2, 28)),
            ChamberRules.Enforcement(DecisionOutcome.PracticeBan, 1, 0, new DateOnly(2027, 1, 31), new DateOnly(2027, 1, 10)));

    [Fact]
    public void A_three_month_ban_from_the_fifteenth_ends_on_the_fourteenth() =>
        Assert.Equal((new DateOnly(2027, 1, 15), (DateOnly?)new DateOnly(2027, 4, 14)),
            ChamberRules.Enforcement(DecisionOutcome.PracticeBan, 3, 0, new DateOnly(2027, 1, 15), new DateOnly(2027, 1, 10)));
}
