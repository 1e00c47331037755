using System.Text.Json;
using JasperFx.Events;
using Ordre.Contracts.Discipline;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Chambers.Appealing;
using Ordre.Discipline.Chambers.Deciding;
using Ordre.Discipline.Chambers.Notifying;
using Ordre.Discipline.Chambers.Opening;
using Ordre.Discipline.Chambers.RulingOnAppeal;
using Ordre.Discipline.Complaints;
using Ordre.Discipline.Complaints.Conciliating;
using Ordre.Discipline.Complaints.Registering;
using Ordre.ServiceDefaults.Messaging;

namespace Ordre.Discipline.Tests;

/// <summary>The national dashboard counts the disciplinary pipeline (issue 14) from events that name no party, no RPPS and no grounds.</summary>
public sealed class PipelineIsPublishedForTheDashboard
{
    private static readonly DateOnly Day = new(2020, 3, 2);

    [Fact]
    public void A_complaint_its_conciliation_a_case_opened_an_appeal_and_decisions_are_published_without_party_rpps_or_grounds()
    {
        var map = new IntegrationEventMap();
        ChambersModule.PublishPipeline(map);
        ComplaintsModule.PublishComplaints(map);
        var caseId = Guid.NewGuid();
        object?[] published =
        [
            map.Translate(new Event<ComplaintRegistered>(new ComplaintRegistered(Guid.NewGuid(), "10003456789", "13",
                new Complainant(ComplainantKind.Patient, "Mme Durand"), ["qualité des soins"], Day, Day.AddMonths(1), Day.AddMonths(3), "cdom13", "Dr Martin"))),
            map.Translate(new Event<ConciliationHeld>(new ConciliationHeld(Guid.NewGuid(), ConciliationOutcome.Failed, Day, "cdom13"))),
            map.Translate(new Event<ChamberCaseRegistered>(new ChamberCaseRegistered(caseId, Guid.NewGuid(), "10003456789", "13", Day, Day.AddMonths(6)))),
            map.Translate(new Event<DecisionRendered>(new DecisionRendered(caseId, DecisionForm.Collegial, DecisionOutcome.Reprimand, 0, 0, null, Day, "cdpipaca"))),
            map.Translate(new Event<AppealToNationalChamberLodged>(new AppealToNationalChamberLodged(caseId, Day, true, "cdn"))),
            map.Translate(new Event<NationalChamberDecided>(new NationalChamberDecided(caseId, AppealRuling.Confirmed, DecisionForm.Collegial,
                DecisionOutcome.Reprimand, 0, 0, null, Day, "cdn"))),
        ];
        Assert.Equal(("13", Day), (Assert.IsType<ComplaintLodged>(published[0]).Department, ((ComplaintLodged)published[0]!).RegisteredOn));
        Assert.Equal("Failed", Assert.IsType<ConciliationEnded>(published[1]).Outcome);
        Assert.Equal((DisciplinaryChambers.FirstInstance, "13"), (Assert.IsType<DisciplinaryCaseOpened>(published[2]).Chamber, ((DisciplinaryCaseOpened)published[2]!).Department));
        Assert.Equal((DisciplinaryChambers.FirstInstance, "Reprimand"), (Assert.IsType<DisciplinaryCaseJudged>(published[3]).Chamber, ((DisciplinaryCaseJudged)published[3]!).Outcome));
        Assert.Equal(DisciplinaryChambers.National, Assert.IsType<DisciplinaryCaseOpened>(published[4]).Chamber);
        Assert.Equal(DisciplinaryChambers.National, Assert.IsType<DisciplinaryCaseJudged>(published[5]).Chamber);
        var json = string.Join('\n', published.Select(p => JsonSerializer.Serialize(p, p!.GetType())));
        foreach (var personal in new[] { "10003456789", "Durand", "Martin", "qualité", "cdom13", "cdpipaca" })
            Assert.DoesNotContain(personal, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_judgment_is_published_with_the_day_its_case_opened_before_that_chamber_for_the_average_time_to_judgment()
    {
        var map = new IntegrationEventMap();
        ChambersModule.PublishPipeline(map);
        var registered = ChamberCase.Create(new ChamberCaseRegistered(Guid.NewGuid(), Guid.NewGuid(), "10003456789", "13", Day, Day.AddMonths(6)));
        var firstDecision = Assert.IsType<DecisionRendered>(Assert.IsType<Outcome.Accepted>(RenderDecisionEndpoint.Decide(registered,
            new RenderDecision(DecisionForm.PresidentialOrder, DecisionOutcome.Warning, null, null, null), Day.AddDays(120), "cdpipaca")).Events[0]);
        var judged = Assert.IsType<DisciplinaryCaseJudged>(map.Translate(new Event<DecisionRendered>(firstDecision)));
        Assert.Equal((DisciplinaryChambers.FirstInstance, Day, Day.AddDays(120)), (judged.Chamber, judged.OpenedOn, judged.On));

        var appealed = registered.Apply(firstDecision)
            .Apply(new CaseDecisionNotified(registered.Id, Day.AddDays(121), Day.AddDays(151), "cdpipaca"))
            .Apply(new AppealToNationalChamberLodged(registered.Id, Day.AddDays(130), true, "cdn"));
        var national = Assert.IsType<NationalChamberDecided>(Assert.IsType<Outcome.Accepted>(DecideNationalAppealEndpoint.Decide(appealed,
            new DecideNationalAppeal(AppealRuling.Confirmed, null), Day.AddDays(400), "cdn")).Events[0]);
        var judgedOnAppeal = Assert.IsType<DisciplinaryCaseJudged>(map.Translate(new Event<NationalChamberDecided>(national)));
        Assert.Equal((DisciplinaryChambers.National, Day.AddDays(130)), (judgedOnAppeal.Chamber, judgedOnAppeal.OpenedOn));
    }

    [Fact]
    public void A_judgment_stored_before_the_opening_day_was_recorded_is_published_without_one()
    {
        var map = new IntegrationEventMap();
        ChambersModule.PublishPipeline(map);
        var judged = Assert.IsType<DisciplinaryCaseJudged>(map.Translate(new Event<DecisionRendered>(
            new DecisionRendered(Guid.NewGuid(), DecisionForm.Collegial, DecisionOutcome.Reprimand, 0, 0, null, Day, "cdpipaca"))));
        Assert.Null(judged.OpenedOn);
    }

    [Fact]
    public void An_inadmissible_appeal_opens_no_case_at_the_national_chamber()
    {
        var map = new IntegrationEventMap();
        ChambersModule.PublishPipeline(map);
        Assert.Null(map.Translate(new Event<AppealToNationalChamberLodged>(new AppealToNationalChamberLodged(Guid.NewGuid(), Day, false, "cdn"))));
    }
}
