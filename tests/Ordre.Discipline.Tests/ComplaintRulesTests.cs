using Ordre.Contracts.Tableau.Lookup;
using Ordre.Discipline.Complaints;
using Ordre.Discipline.Complaints.AppointingConciliators;
using Ordre.Discipline.Complaints.Clock;
using Ordre.Discipline.Complaints.Conciliating;
using Ordre.Discipline.Complaints.Convening;
using Ordre.Discipline.Complaints.HearingTheDoctor;
using Ordre.Discipline.Complaints.Referring;
using Ordre.Discipline.Complaints.Registering;
using Ordre.Discipline.Complaints.ReportingDefault;
using Ordre.Discipline.Complaints.Transmitting;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Discipline.Tests;

public class ComplaintRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Complaint Registered(ComplainantKind kind = ComplainantKind.Patient) => Complaint.Create(new ComplaintRegistered(
        Guid.NewGuid(), "10005173140", "75", new Complainant(kind, "Mme Durand"), ["Qualité des soins"],
        Today, Today.AddMonths(1), Today.AddMonths(3), "cdom75"));

    /// <summary>A conciliation commission of three members, none of them a party (L.4123-2, R.4123-19).</summary>
    private static readonly string[] Commission = ["Dr A", "Dr B", "Dr C"];

    private static Complaint After(Complaint complaint, Outcome outcome) =>
        Assert.IsType<Outcome.Accepted>(outcome).Events.Aggregate(complaint, Evolution<Complaint>.Apply);

    [Fact]
    public void Conciliation_is_due_within_one_month_and_transmission_within_three() =>
        Assert.Equal((Today.AddMonths(1), Today.AddMonths(3)), (Registered().ConciliationDueOn, Registered().TransmissionDueOn));

    [Fact]
    public void The_complainant_cannot_be_a_conciliator() =>
        Assert.IsType<Outcome.Invalid>(AppointConciliatorsEndpoint.Decide(Registered(), new AppointConciliators(["mme durand", "Dr B", "Dr C"]), Today, "x"));

    private static Complaint Convened(DateOnly meetingOn)
    {
        var appointed = After(Registered(), AppointConciliatorsEndpoint.Decide(Registered(), new AppointConciliators(Commission), Today, "x"));
        return After(appointed, ConveneConciliationEndpoint.Decide(appointed, new ConveneConciliation(meetingOn), Today, "x"));
    }

    [Fact]
    public void A_conciliation_needs_conciliators_and_a_convocation_and_happens_once()
    {
        Assert.IsType<Outcome.NotAllowed>(HoldConciliationEndpoint.Decide(Registered(), new HoldConciliation(ConciliationOutcome.Failed), Today, "x"));
        Assert.IsType<Outcome.NotAllowed>(ConveneConciliationEndpoint.Decide(Registered(), new ConveneConciliation(Today.AddDays(10)), Today, "x"));
        var appointed = After(Registered(), AppointConciliatorsEndpoint.Decide(Registered(), new AppointConciliators(Commission), Today, "x"));
        Assert.IsType<Outcome.NotAllowed>(HoldConciliationEndpoint.Decide(appointed, new HoldConciliation(ConciliationOutcome.Failed), Today, "x"));
        var convened = Convened(Today);
        var held = After(convened, HoldConciliationEndpoint.Decide(convened, new HoldConciliation(ConciliationOutcome.Partial), Today, "x"));
        Assert.IsType<Outcome.NotAllowed>(HoldConciliationEndpoint.Decide(held, new HoldConciliation(ConciliationOutcome.Failed), Today, "x"));
    }

    [Fact]
    public void The_conciliation_is_held_on_or_after_the_day_the_parties_were_summoned()
    {
        var convened = Convened(Today.AddDays(10));
        Assert.IsType<Outcome.NotAllowed>(HoldConciliationEndpoint.Decide(convened, new HoldConciliation(ConciliationOutcome.Failed), Today.AddDays(9), "x"));
        Assert.IsType<Outcome.Accepted>(HoldConciliationEndpoint.Decide(convened, new HoldConciliation(ConciliationOutcome.Failed), Today.AddDays(10), "x"));
        Assert.IsType<Outcome.Invalid>(ConveneConciliationEndpoint.Decide(convened, new ConveneConciliation(Today.AddDays(-1)), Today, "x"));
    }

    [Fact]
    public void Parties_convened_after_the_first_month_are_flagged_late()
    {
        var appointed = After(Registered(), AppointConciliatorsEndpoint.Decide(Registered(), new AppointConciliators(Commission), Today, "x"));
        var late = (ConciliationConvened)Assert.IsType<Outcome.Accepted>(
            ConveneConciliationEndpoint.Decide(appointed, new ConveneConciliation(Today.AddMonths(2)), Today.AddMonths(1).AddDays(1), "x")).Events[0];
        Assert.True(late.Late);
        Assert.False(((ConciliationConvened)Assert.IsType<Outcome.Accepted>(
            ConveneConciliationEndpoint.Decide(appointed, new ConveneConciliation(Today.AddMonths(1)), Today.AddMonths(1), "x")).Events[0]).Late);
    }

    [Fact]
    public void The_clock_flags_the_month_to_convene_then_the_three_months_to_transmit_as_run_out()
    {
        var complaint = Registered();
        Assert.Empty(ComplaintClock.DueOn(complaint, Today.AddMonths(1)));
        complaint = Assert.IsType<ConciliationDeadlinePassed>(Assert.Single(ComplaintClock.DueOn(complaint, Today.AddMonths(1).AddDays(1)))) is var e
            ? complaint.Apply(e) : complaint;
        Assert.Empty(ComplaintClock.DueOn(complaint, Today.AddMonths(3)));
        var passed = Assert.IsType<TransmissionDeadlinePassed>(Assert.Single(ComplaintClock.DueOn(complaint, Today.AddMonths(3).AddDays(1))));
        Assert.Empty(ComplaintClock.DueOn(complaint.Apply(passed), Today.AddYears(1)));
    }

    [Fact]
    public void The_complainant_may_turn_to_the_national_council_president_only_once_the_three_months_have_passed()
    {
        var complaint = Registered();
        Assert.IsType<Outcome.NotAllowed>(ReportCouncilDefaultEndpoint.Decide(complaint, Today.AddMonths(2), "cnom"));
        var overdue = complaint.Apply(new TransmissionDeadlinePassed(complaint.Id, complaint.TransmissionDueOn, Today.AddMonths(3).AddDays(1)));
        var seized = After(overdue, ReportCouncilDefaultEndpoint.Decide(overdue, Today.AddMonths(4), "cnom"));
        Assert.Equal(Today.AddMonths(5), seized.NationalTransmissionDueOn);
        Assert.IsType<Outcome.NotAllowed>(ReportCouncilDefaultEndpoint.Decide(seized, Today.AddMonths(4), "cnom"));
    }

    [Fact]
    public void The_national_council_president_transmits_only_when_seized_and_within_a_month_or_it_is_flagged_late()
    {
        var complaint = Registered();
        Assert.IsType<Outcome.NotAllowed>(TransmitComplaintEndpoint.Decide(complaint, new TransmitComplaint("avis", false), Today, "cnom", Guid.NewGuid(), byNationalCouncil: true));
        var seized = complaint.Apply(new TransmissionDeadlinePassed(complaint.Id, complaint.TransmissionDueOn, Today.AddMonths(3)))
            .Apply(new CouncilDefaultReported(complaint.Id, Today.AddMonths(4), Today.AddMonths(5), "cnom"));
        var inTime = (ComplaintTransmittedToChamber)Assert.IsType<Outcome.Accepted>(TransmitComplaintEndpoint.Decide(seized, new TransmitComplaint("avis", false), Today.AddMonths(5), "cnom", Guid.NewGuid(), byNationalCouncil: true)).Events[0];
        Assert.False(inTime.Late);
        Assert.True(((ComplaintTransmittedToChamber)Assert.IsType<Outcome.Accepted>(TransmitComplaintEndpoint.Decide(seized, new TransmitComplaint("avis", false), Today.AddMonths(5).AddDays(1), "cnom", Guid.NewGuid(), byNationalCouncil: true)).Events[0]).Late);
    }

    [Fact]
    public void A_complaint_referred_to_another_council_is_handled_there_from_a_fresh_conciliation()
    {
        var convened = Convened(Today.AddDays(5));
        Assert.IsType<Outcome.Invalid>(ReferComplaintEndpoint.Decide(convened, new ReferComplaint("75", "membre mis en cause"), Today, "cnom"));
        Assert.IsType<Outcome.Invalid>(ReferComplaintEndpoint.Decide(convened, new ReferComplaint("99", "membre mis en cause"), Today, "cnom"));
        Assert.IsType<Outcome.Invalid>(ReferComplaintEndpoint.Decide(convened, new ReferComplaint("92", " "), Today, "cnom"));
        var referred = After(convened, ReferComplaintEndpoint.Decide(convened, new ReferComplaint("92", "Le Dr B, conseiller, est mis en cause"), Today, "cnom"));
        Assert.Equal(("92", "75"), (referred.HandlingDepartment, referred.Department));
        Assert.Empty(referred.Conciliators);
        Assert.Null(referred.ConciliationMeetingOn);

        // Even after a failed conciliation, the new council conciliates again before transmitting.
        var failed = After(convened, HoldConciliationEndpoint.Decide(convened, new HoldConciliation(ConciliationOutcome.Failed), Today.AddDays(5), "x"));
        var referredAfterFailure = After(failed, ReferComplaintEndpoint.Decide(failed, new ReferComplaint("92", "Le Dr B est mis en cause"), Today.AddDays(6), "cnom"));
        Assert.Null(referredAfterFailure.ConciliationOutcome);
        Assert.IsType<Outcome.NotAllowed>(TransmitComplaintEndpoint.Decide(referredAfterFailure, new TransmitComplaint("avis", false), Today.AddDays(7), "x", Guid.NewGuid()));
    }

    [Theory]
    [InlineData(new[] { "Dr A" }, false)]
    [InlineData(new[] { "Dr A", "Dr B" }, false)]
    [InlineData(new[] { "Dr A", "dr a", "Dr B" }, false)]
    [InlineData(new[] { "Dr A", "Dr B", "Dr C" }, true)]
    [InlineData(new[] { "Dr A", "Dr B", "Dr C", "Dr D" }, true)]
    public void The_conciliation_commission_has_at_least_three_distinct_members(string[] conciliators, bool accepted)
    {
        // L.4123-2: the departmental council's conciliation commission has at least three members.
        var outcome = AppointConciliatorsEndpoint.Decide(Registered(), new AppointConciliators(conciliators), Today, "x");
        Assert.Equal(accepted, outcome is Outcome.Accepted);
        if (!accepted)
            Assert.Contains("au moins 3", Assert.IsType<Outcome.Invalid>(outcome).Errors["conciliators"][0]);
    }

    [Fact]
    public void Neither_the_complainant_nor_the_doctor_complained_about_can_be_a_conciliator()
    {
        var complaint = Registered() with { DoctorName = "Jean Dupont" };
        Assert.IsType<Outcome.Invalid>(AppointConciliatorsEndpoint.Decide(complaint, new AppointConciliators(["Dr Jean Dupont", "Dr B", "Dr C"]), Today, "x"));
        Assert.IsType<Outcome.Invalid>(AppointConciliatorsEndpoint.Decide(complaint, new AppointConciliators(["Durand", "Dr B", "Dr C"]), Today, "x"));
        Assert.IsType<Outcome.Accepted>(AppointConciliatorsEndpoint.Decide(complaint, new AppointConciliators(["Dr Anne Petit", "Dr B", "Dr C"]), Today, "x"));
    }

    [Fact]
    public void A_total_conciliation_closes_the_complaint()
    {
        var convened = Convened(Today);
        var settled = After(convened, HoldConciliationEndpoint.Decide(convened, new HoldConciliation(ConciliationOutcome.Total), Today, "x"));
        Assert.Equal(ComplaintStatus.Conciliated, settled.Status);
        Assert.IsType<Outcome.NotAllowed>(TransmitComplaintEndpoint.Decide(settled, new TransmitComplaint("avis", false), Today, "x", Guid.NewGuid()));
    }

    [Fact]
    public void Only_an_authority_complaint_reaches_the_chamber_without_conciliation()
    {
        Assert.IsType<Outcome.NotAllowed>(TransmitComplaintEndpoint.Decide(Registered(), new TransmitComplaint("avis", false), Today, "x", Guid.NewGuid()));
        Assert.IsType<Outcome.Accepted>(TransmitComplaintEndpoint.Decide(Registered(ComplainantKind.Authority), new TransmitComplaint("avis", false), Today, "x", Guid.NewGuid()));
    }

    [Fact]
    public void A_transmission_needs_a_reasoned_opinion_and_is_flagged_late_after_three_months()
    {
        var authority = Registered(ComplainantKind.Authority);
        Assert.IsType<Outcome.Invalid>(TransmitComplaintEndpoint.Decide(authority, new TransmitComplaint(" ", true), Today, "x", Guid.NewGuid()));
        var late = (ComplaintTransmittedToChamber)Assert.IsType<Outcome.Accepted>(
            TransmitComplaintEndpoint.Decide(authority, new TransmitComplaint("avis", true), Today.AddMonths(3).AddDays(1), "x", Guid.NewGuid())).Events[0];
        Assert.True(late.Late);
    }

    private static Complaint ArsReferral() => Complaint.Create(new ComplaintRegistered(
        Guid.NewGuid(), "10005173140", "75", new Complainant(ComplainantKind.Authority, "DG ARS Île-de-France"), ["Danger grave"],
        Today, Today.AddMonths(1), Today.AddMonths(3), "cdom75", EmergencySuspension: true, EmergencyHearingDueOn: Today.AddDays(3)));

    [Fact]
    public void A_doctor_suspended_in_an_emergency_is_heard_within_three_days_of_the_suspension_or_the_clock_flags_the_dossier()
    {
        // L.4113-14: the DG ARS hears the doctor within 3 days of the suspension (calendar days, DOMAIN open question 13).
        Assert.Equal(new DateOnly(2026, 11, 23), RegisterComplaintEndpoint.EmergencyHearingDue(new PractitionerStatus { NotAllowedFrom = "2026-11-20" }, Today));
        Assert.Equal(Today.AddDays(3), RegisterComplaintEndpoint.EmergencyHearingDue(new PractitionerStatus(), Today));
        var referral = ArsReferral();
        Assert.Empty(ComplaintClock.DueOn(referral, Today.AddDays(3)).OfType<EmergencyHearingDeadlinePassed>());
        var flagged = Assert.Single(ComplaintClock.DueOn(referral, Today.AddDays(4)).OfType<EmergencyHearingDeadlinePassed>());
        Assert.Equal(Today.AddDays(3), flagged.DueOn);
        var overdue = referral.Apply(flagged);
        Assert.True(overdue.EmergencyHearingOverdue);
        Assert.Empty(ComplaintClock.DueOn(overdue, Today.AddDays(5)).OfType<EmergencyHearingDeadlinePassed>());
    }

    [Fact]
    public void The_emergency_hearing_is_recorded_once_in_time_on_the_third_day_and_late_on_the_fourth()
    {
        var onTime = Assert.IsType<EmergencyHearingRecorded>(Assert.IsType<Outcome.Accepted>(
            RecordEmergencyHearingEndpoint.Decide(ArsReferral(), new RecordEmergencyHearing(Today.AddDays(3)), Today.AddDays(3), "cdom75")).Events[0]);
        Assert.False(onTime.Late);
        Assert.True(Assert.IsType<EmergencyHearingRecorded>(Assert.IsType<Outcome.Accepted>(
            RecordEmergencyHearingEndpoint.Decide(ArsReferral(), new RecordEmergencyHearing(Today.AddDays(4)), Today.AddDays(4), "cdom75")).Events[0]).Late);
        var heard = ArsReferral().Apply(onTime);
        Assert.Null(heard.EmergencyHearingDeadline);
        Assert.IsType<Outcome.NotAllowed>(RecordEmergencyHearingEndpoint.Decide(heard, new RecordEmergencyHearing(null), Today.AddDays(5), "cdom75"));
        Assert.IsType<Outcome.NotAllowed>(RecordEmergencyHearingEndpoint.Decide(Registered(), new RecordEmergencyHearing(null), Today, "cdom75"));
        Assert.IsType<Outcome.Invalid>(RecordEmergencyHearingEndpoint.Decide(ArsReferral(), new RecordEmergencyHearing(Today.AddDays(1)), Today, "cdom75"));
    }

    [Fact]
    public void Only_an_authority_refers_a_doctor_after_an_emergency_suspension()
    {
        Assert.Contains("emergencySuspension", RegisterComplaintEndpoint.Validate(
            new RegisterComplaint("10005173140", new Complainant(ComplainantKind.Patient, "Mme Durand"), ["Soins"], EmergencySuspension: true)).Keys);
        Assert.Empty(RegisterComplaintEndpoint.Validate(
            new RegisterComplaint("10005173140", new Complainant(ComplainantKind.Authority, "ARS"), ["Danger"], EmergencySuspension: true)));
    }

    [Theory]
    [InlineData("10005173140", false)]
    [InlineData("10005173141", true)] // 11 digits, wrong key: the Tableau's rule (Ordre.Contracts.Identifiers.Rpps)
    [InlineData("1000517314", true)]
    [InlineData(null, true)]
    public void The_respondent_rpps_is_checked_with_the_tableau_rule_key_included(string? rpps, bool refused) =>
        Assert.Equal(refused, RegisterComplaintEndpoint.Validate(
            new RegisterComplaint(rpps, new Complainant(ComplainantKind.Patient, "Mme Durand"), ["Soins"])).ContainsKey("rpps"));

    [Theory]
    [InlineData(false, "", true)]
    [InlineData(true, "StruckOff", true)]
    [InlineData(true, "Deceased", true)]
    [InlineData(true, "Suspended", false)]
    [InlineData(true, "Registered", false)]
    public void Complaints_are_refused_against_unknown_struck_off_or_deceased_doctors(bool known, string status, bool refused) =>
        Assert.Equal(refused, RegisterComplaintEndpoint.WhyNot(new PractitionerStatus { Rpps = "10005173140", Known = known, Status = status }) is not null);
}
