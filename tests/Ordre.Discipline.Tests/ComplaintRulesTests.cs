using Ordre.Contracts.Tableau.Lookup;
using Ordre.Discipline.Complaints;

namespace Ordre.Discipline.Tests;

public class ComplaintRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Complaint Registered(ComplainantKind kind = ComplainantKind.Patient) => Complaint.Create(new ComplaintRegistered(
        Guid.NewGuid(), "10005173140", "75", new Complainant(kind, "Mme Durand"), ["Qualité des soins"],
        Today, Today.AddMonths(ComplaintRules.ConciliationMonths), Today.AddMonths(ComplaintRules.TransmissionMonths), "cdom75"));

    private static Complaint After(Complaint complaint, Outcome outcome) =>
        Assert.IsType<Outcome.Accepted>(outcome).Events.Aggregate(complaint, ComplaintRules.Evolve);

    [Fact]
    public void Conciliation_is_due_within_one_month_and_transmission_within_three() =>
        Assert.Equal((Today.AddMonths(1), Today.AddMonths(3)), (Registered().ConciliationDueOn, Registered().TransmissionDueOn));

    [Fact]
    public void The_complainant_cannot_be_a_conciliator() =>
        Assert.IsType<Outcome.Invalid>(ConciliationEndpoints.DecideConciliators(Registered(), new AppointConciliators(["mme durand"]), Today, "x"));

    [Fact]
    public void A_conciliation_needs_conciliators_and_happens_once()
    {
        Assert.IsType<Outcome.NotAllowed>(ConciliationEndpoints.DecideConciliation(Registered(), new HoldConciliation(ConciliationOutcome.Failed), Today, "x"));
        var appointed = After(Registered(), ConciliationEndpoints.DecideConciliators(Registered(), new AppointConciliators(["Dr A"]), Today, "x"));
        var held = After(appointed, ConciliationEndpoints.DecideConciliation(appointed, new HoldConciliation(ConciliationOutcome.Partial), Today, "x"));
        Assert.IsType<Outcome.NotAllowed>(ConciliationEndpoints.DecideConciliation(held, new HoldConciliation(ConciliationOutcome.Failed), Today, "x"));
    }

    [Fact]
    public void A_total_conciliation_closes_the_complaint()
    {
        var appointed = After(Registered(), ConciliationEndpoints.DecideConciliators(Registered(), new AppointConciliators(["Dr A"]), Today, "x"));
        var settled = After(appointed, ConciliationEndpoints.DecideConciliation(appointed, new HoldConciliation(ConciliationOutcome.Total), Today, "x"));
        Assert.Equal(ComplaintStatus.Conciliated, settled.Status);
        Assert.IsType<Outcome.NotAllowed>(ConciliationEndpoints.DecideTransmission(settled, new TransmitComplaint("avis", false), Today, "x", Guid.NewGuid()));
    }

    [Fact]
    public void Only_an_authority_complaint_reaches_the_chamber_without_conciliation()
    {
        Assert.IsType<Outcome.NotAllowed>(ConciliationEndpoints.DecideTransmission(Registered(), new TransmitComplaint("avis", false), Today, "x", Guid.NewGuid()));
        Assert.IsType<Outcome.Accepted>(ConciliationEndpoints.DecideTransmission(Registered(ComplainantKind.Authority), new TransmitComplaint("avis", false), Today, "x", Guid.NewGuid()));
    }

    [Fact]
    public void A_transmission_needs_a_reasoned_opinion_and_is_flagged_late_after_three_months()
    {
        var authority = Registered(ComplainantKind.Authority);
        Assert.IsType<Outcome.Invalid>(ConciliationEndpoints.DecideTransmission(authority, new TransmitComplaint(" ", true), Today, "x", Guid.NewGuid()));
        var late = (ComplaintTransmittedToChamber)Assert.IsType<Outcome.Accepted>(
            ConciliationEndpoints.DecideTransmission(authority, new TransmitComplaint("avis", true), Today.AddMonths(3).AddDays(1), "x", Guid.NewGuid())).Events[0];
        Assert.True(late.Late);
    }

    [Theory]
    [InlineData(false, "", true)]
    [InlineData(true, "StruckOff", true)]
    [InlineData(true, "Deceased", true)]
    [InlineData(true, "Suspended", false)]
    [InlineData(true, "Registered", false)]
    public void Complaints_are_refused_against_unknown_struck_off_or_deceased_doctors(bool known, string status, bool refused) =>
        Assert.Equal(refused, RegisterComplaintEndpoint.WhyNot(new PractitionerStatus { Rpps = "10005173140", Known = known, Status = status }) is not null);
}
