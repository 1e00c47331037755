using Ordre.Tableau.Annuaire.Searching;
using Ordre.Tableau.Inscriptions;
using Ordre.Tableau.Inscriptions.Appealing;
using Ordre.Tableau.Inscriptions.Deadlines;
using Ordre.Tableau.Inscriptions.Deciding;
using Ordre.Tableau.Inscriptions.Instructing;
using Ordre.Tableau.Inscriptions.Notifying;
using Ordre.Tableau.Inscriptions.Requesting;
using static Ordre.Tableau.Inscriptions.Deciding.DecideInscriptionEndpoint;
using Diploma = Ordre.Tableau.Inscriptions.Diploma;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Tableau.Tests;

public class InscriptionDossierRules
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static RequestInscription ValidRequest() => new(
        "10005173140", "75", "Lefèvre", "Élodie", new DateOnly(1990, 3, 2),
        new Diploma("Diplôme d'État de docteur en médecine", "Université Paris Cité", new DateOnly(2018, 6, 30)),
        "Médecine générale");

    private static Inscription Complete(DateOnly? completedOn = null) => new Inscription(
        Guid.CreateVersion7(), "10005173140", "75", "Lefèvre", "Élodie", new DateOnly(1990, 3, 2),
        new Diploma("DE", "Paris", new DateOnly(2018, 6, 30)), "Médecine générale",
        (completedOn ?? Today.AddDays(-10)), InscriptionStatus.Incomplete, null, [])
        .Apply(new DossierCompleted(Guid.Empty, completedOn ?? Today.AddDays(-10), false, InscriptionRules.DecisionDue(completedOn ?? Today.AddDays(-10), false), "cdom75"));

    private static T Single<T>(Outcome outcome) => Assert.IsType<T>(Assert.Single(Assert.IsType<Outcome.Accepted>(outcome).Events));

    private static Dictionary<string, string[]> Errors(Outcome outcome) => Assert.IsType<Outcome.Invalid>(outcome).Errors;

    [Fact]
    public void A_complete_request_has_no_errors() =>
        Assert.Empty(RequestInscriptionEndpoint.Validate(ValidRequest(), Today));

    [Fact]
    public void A_request_lists_every_missing_field_by_its_json_name()
    {
        var errors = RequestInscriptionEndpoint.Validate(new RequestInscription(null, null, null, null, null, null, null), Today);
        Assert.Equal(["birthDate", "department", "diploma", "firstName", "lastName", "rpps", "specialty"], errors.Keys.Order());
    }

    [Fact]
    public void An_rpps_with_a_wrong_key_is_refused() =>
        Assert.Contains("rpps", RequestInscriptionEndpoint.Validate(ValidRequest() with { Rpps = "10005173141" }, Today).Keys);

    [Fact]
    public void Department_20_is_refused() =>
        Assert.Contains("department", RequestInscriptionEndpoint.Validate(ValidRequest() with { Department = "20" }, Today).Keys);

    [Fact]
    public void An_applicant_younger_than_eighteen_is_refused() =>
        Assert.Contains("birthDate", RequestInscriptionEndpoint.Validate(ValidRequest() with { BirthDate = Today.AddYears(-17) }, Today).Keys);

    [Fact]
    public void A_diploma_dated_in_the_future_is_refused()
    {
        var request = ValidRequest() with { Diploma = ValidRequest().Diploma! with { IssuedOn = Today.AddDays(1) } };
        Assert.Contains("diploma.issuedOn", RequestInscriptionEndpoint.Validate(request, Today).Keys);
    }

    [Fact]
    public void A_diploma_before_birth_is_refused()
    {
        var request = ValidRequest() with { Diploma = ValidRequest().Diploma! with { IssuedOn = new DateOnly(1989, 1, 1) } };
        Assert.Contains("diploma.issuedOn", RequestInscriptionEndpoint.Validate(request, Today).Keys);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused() =>
        Assert.Contains("lastName", RequestInscriptionEndpoint.Validate(ValidRequest() with { LastName = new string('a', 101) }, Today).Keys);

    [Fact]
    public void Granting_a_complete_inscription_records_the_doctor_with_the_decision_day()
    {
        var granted = Single<InscriptionGranted>(Decide(Complete(), new DecideInscription(InscriptionOutcome.Granted, null, null), Today, "cdom75"));
        Assert.Equal((Today, "10005173140"), (granted.GrantedOn, granted.Rpps));
    }

    [Fact]
    public void A_refusal_without_motives_is_rejected() =>
        Assert.Contains("motives", Errors(Decide(Complete(), new DecideInscription(InscriptionOutcome.Refused, ["  "], null), Today, "cdom75")).Keys);

    [Fact]
    public void A_refusal_keeps_its_motives_and_training_obligations()
    {
        var refused = Single<InscriptionRefused>(Decide(Complete(),
            new DecideInscription(InscriptionOutcome.Refused, ["Insuffisance professionnelle"], null, ["Stage de 6 mois en médecine interne"]), Today, "cdom75"));
        Assert.Equal(["Insuffisance professionnelle"], refused.Motives);
        Assert.Equal(["Stage de 6 mois en médecine interne"], refused.TrainingObligations);
    }

    [Fact]
    public void A_decision_without_outcome_is_rejected() =>
        Assert.Contains("outcome", Errors(Decide(Complete(), new DecideInscription(null, null, null), Today, "x")).Keys);

    [Fact]
    public void A_decision_cannot_be_dated_before_the_dossier_became_complete() =>
        Assert.Contains("decidedOn", Errors(Decide(Complete(Today.AddDays(-3)),
            new DecideInscription(InscriptionOutcome.Granted, null, Today.AddDays(-4)), Today, "x")).Keys);

    [Fact]
    public void A_decision_cannot_be_dated_in_the_future() =>
        Assert.Contains("decidedOn", Errors(Decide(Complete(), new DecideInscription(InscriptionOutcome.Granted, null, Today.AddDays(1)), Today, "x")).Keys);

    [Fact]
    public void A_dossier_already_decided_cannot_be_decided_again() =>
        Assert.IsType<Outcome.NotAllowed>(Decide(Complete() with { Status = InscriptionStatus.Granted },
            new DecideInscription(InscriptionOutcome.Refused, ["motif"], null), Today, "x"));

    [Fact]
    public void An_incomplete_dossier_cannot_be_decided()
    {
        var incomplete = Complete().Apply(new DocumentsRequested(Guid.Empty, ["Bulletin n° 2"], Today, "cdom75"));
        Assert.IsType<Outcome.NotAllowed>(Decide(incomplete, new DecideInscription(InscriptionOutcome.Granted, null, null), Today, "x"));
        Assert.Null(incomplete.NextDeadline);
    }

    [Fact]
    public void A_dossier_awaiting_an_expertise_report_cannot_be_decided()
    {
        var awaiting = Complete().Apply(new ExpertiseRequested(Guid.Empty, "doute sérieux", Today, "cdom75"));
        Assert.IsType<Outcome.NotAllowed>(Decide(awaiting, new DecideInscription(InscriptionOutcome.Granted, null, null), Today, "x"));
    }

    [Fact]
    public void The_council_has_three_months_from_completion_or_six_with_an_investigation_abroad()
    {
        Assert.Equal(new DateOnly(2027, 2, 22), InscriptionRules.DecisionDue(Today, investigationAbroad: false));
        Assert.Equal(new DateOnly(2027, 5, 22), InscriptionRules.DecisionDue(Today, investigationAbroad: true));
        Assert.Equal(new DateOnly(2027, 2, 23), Complete(Today).NextDeadline); // the day after the last day
    }

    [Fact]
    public void A_notification_opens_thirty_days_of_appeal()
    {
        var granted = Complete().Apply(new InscriptionGranted(Guid.Empty, "10005173140", "75", "L", "É", "MG", Today, "x"));
        var notified = Single<DecisionNotified>(NotifyDecisionEndpoint.Decide(granted, new NotifyDecision(null), Today, "x"));
        Assert.Equal(Today.AddDays(30), notified.AppealDeadline);
    }

    [Fact]
    public void The_applicant_appeals_a_refusal_and_the_national_council_a_grant_within_thirty_days()
    {
        var refused = Complete()
            .Apply(new InscriptionRefused(Guid.Empty, "10005173140", "75", ["motif"], Today, "x"))
            .Apply(new DecisionNotified(Guid.Empty, Today, Today.AddDays(30), "x"));
        Assert.IsType<AppealLodged>(Single<AppealLodged>(LodgeAppealEndpoint.Decide(refused,
            new LodgeAppeal(AppealLevel.Regional, Appellant.Applicant, Today.AddDays(30)), Today.AddDays(31), "crom")));
        Assert.IsType<Outcome.NotAllowed>(LodgeAppealEndpoint.Decide(refused,
            new LodgeAppeal(AppealLevel.Regional, Appellant.Applicant, Today.AddDays(31)), Today.AddDays(31), "crom"));
        Assert.IsType<Outcome.NotAllowed>(LodgeAppealEndpoint.Decide(refused,
            new LodgeAppeal(AppealLevel.Regional, Appellant.NationalCouncil, Today), Today, "cnom"));
        Assert.IsType<Outcome.NotAllowed>(LodgeAppealEndpoint.Decide(refused,
            new LodgeAppeal(AppealLevel.National, Appellant.Applicant, Today), Today, "cnom"));
    }

    [Fact]
    public void Reversing_a_refusal_on_appeal_grants_the_inscription()
    {
        var appealed = Complete()
            .Apply(new InscriptionRefused(Guid.Empty, "10005173140", "75", ["motif"], Today, "x"))
            .Apply(new DecisionNotified(Guid.Empty, Today, Today.AddDays(30), "x"))
            .Apply(new AppealLodged(Guid.Empty, AppealLevel.Regional, Appellant.Applicant, Today, "crom"));
        var events = Assert.IsType<Outcome.Accepted>(DecideAppealEndpoint.Decide(appealed, new DecideAppeal(AppealLevel.Regional, AppealOutcome.Reversed), Today, "crom")).Events;
        Assert.IsType<InscriptionGranted>(events[1]);
        Assert.Equal(InscriptionStatus.Granted, events.Aggregate(appealed, Evolution<Inscription>.Apply).Status);
    }

    // L.4112-4, R.4112-5: the national council appeals a registration, including one granted by the regional council on
    // appeal, within 30 days of the regional decision.
    [Fact]
    public void A_grant_on_appeal_by_the_regional_council_stays_open_to_the_national_councils_appeal_for_thirty_days()
    {
        var appealed = Complete(Today)
            .Apply(new InscriptionRefused(Guid.Empty, "10005173140", "75", ["motif"], Today, "x"))
            .Apply(new DecisionNotified(Guid.Empty, Today, Today.AddDays(30), "x"))
            .Apply(new AppealLodged(Guid.Empty, AppealLevel.Regional, Appellant.Applicant, Today.AddDays(5), "crom"));
        var regionalDay = Today.AddDays(20); // 12/12/2026
        var reversal = Assert.IsType<Outcome.Accepted>(DecideAppealEndpoint.Decide(appealed,
            new DecideAppeal(AppealLevel.Regional, AppealOutcome.Reversed), regionalDay, "crom")).Events;
        var granted = reversal.Aggregate(appealed, Evolution<Inscription>.Apply);
        Assert.Equal(InscriptionStatus.Granted, granted.Status);

        var lastDay = regionalDay.AddDays(30); // 11/01/2027, a Monday
        Single<AppealLodged>(LodgeAppealEndpoint.Decide(granted, new LodgeAppeal(AppealLevel.National, Appellant.NationalCouncil, lastDay), lastDay, "cnom"));
        Assert.IsType<Outcome.NotAllowed>(LodgeAppealEndpoint.Decide(granted,
            new LodgeAppeal(AppealLevel.National, Appellant.NationalCouncil, lastDay.AddDays(1)), lastDay.AddDays(1), "cnom"));
    }

    // R.4112-2: no decision while the expertise is pending, so the council's 3 months (L.4112-3) stop from the referral
    // and resume with the days left when the report is received; silence cannot reject a dossier the council may not decide.
    [Fact]
    public void The_decision_clock_stops_while_an_expertise_is_pending_and_resumes_with_the_days_left_after_the_report()
    {
        var dossier = Complete(Today); // due 22/02/2027
        var awaiting = dossier.Apply(new ExpertiseRequested(Guid.Empty, "doute sérieux", Today.AddDays(10), "cdom75"));
        Assert.Null(awaiting.NextDeadline);
        Assert.Empty(SilentRejection.Due(awaiting, new DateOnly(2027, 6, 1)));

        var reported = awaiting.Apply(new ExpertReportReceived(Guid.Empty, "apte", Today.AddDays(40), "crom"));
        Assert.Equal(new DateOnly(2027, 3, 24), reported.DecisionDueOn); // 22/02 + the 30 days of expertise
        Assert.Equal(new DateOnly(2027, 3, 25), reported.NextDeadline);
        Assert.Empty(SilentRejection.Due(reported, new DateOnly(2027, 3, 24)));
        Assert.Single(SilentRejection.Due(reported, new DateOnly(2027, 3, 25)));
    }

    [Theory]
    [InlineData("Élodie LEFÈVRE", "elodie lefevre")]
    [InlineData("Gaëlle Noël", "gaelle noel")]
    [InlineData("Jean-Baptiste", "jean-baptiste")]
    public void Directory_search_ignores_accents_and_case(string text, string normalized) =>
        Assert.Equal(normalized, DirectoryEntry.Normalize(text));
}
