using Microsoft.Extensions.Time.Testing;
using Ordre.Contracts.Rules;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.Conventions.Dossiers;
using Ordre.Conventions.Dossiers.Amending;
using Ordre.Conventions.Dossiers.Beneficiaries;
using Ordre.Conventions.Dossiers.Clock;
using Ordre.Conventions.Dossiers.Deciding;
using Ordre.Conventions.Dossiers.NotifyingIncompleteness;
using Ordre.Conventions.Dossiers.ReceivingDocuments;
using Ordre.Conventions.Dossiers.Recommending;
using Ordre.Conventions.Dossiers.Submitting;
using Ordre.Conventions.Dossiers.Urgency;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Conventions.Tests;

/// <summary>IDAHE's rules as pure functions: the regime and the split, the 8 jours ouvrables, the 2 months, incompleteness, silence.</summary>
public class ConventionsRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private const string Doctor = "10005173140";

    private static SubmitDossier Submission(params (BenefitNature Nature, decimal Amount)[] benefits) => new(
        "REF-2026-001", ConventionCategory.Fees, new BeneficiaryRequest(BeneficiaryKind.Doctor, Doctor, null, null),
        "Intervention au congrès national de cardiologie", [.. benefits.Select(b => new BenefitRequest(b.Nature, "Prestation", b.Amount))],
        Today, Today.AddMonths(6), Today.AddMonths(2));

    private static IReadOnlyList<Dossier> Submitted(SubmitDossier request, DateOnly? on = null, TableauAnswer? tableau = null) =>
        [.. SubmitDossierEndpoint.Decide(request, "552100554", on ?? Today, tableau ?? new TableauAnswer(true, "75"), new FakeTimeProvider(), "labo-exemple")
            .Select(s => s.Events.Skip(1).Aggregate(Dossier.Create((DossierSubmitted)s.Events[0]), Evolution<Dossier>.Apply))];

    private static Dossier After(Dossier dossier, Outcome outcome) =>
        Assert.IsType<Outcome.Accepted>(outcome).Events.Aggregate(dossier, Evolution<Dossier>.Apply);

    [Theory]
    [InlineData(BenefitNature.Remuneration, BeneficiaryKind.Doctor, "2000.00", Regime.Declaration)]
    [InlineData(BenefitNature.Remuneration, BeneficiaryKind.Doctor, "2000.01", Regime.Authorisation)]
    [InlineData(BenefitNature.Remuneration, BeneficiaryKind.Student, "800.00", Regime.Declaration)]
    [InlineData(BenefitNature.Remuneration, BeneficiaryKind.Student, "800.01", Regime.Authorisation)]
    [InlineData(BenefitNature.Hospitality, BeneficiaryKind.Doctor, "2000.01", Regime.Authorisation)]
    [InlineData(BenefitNature.TrainingFunding, BeneficiaryKind.Doctor, "1000.01", Regime.Authorisation)]
    [InlineData(BenefitNature.ResearchGift, BeneficiaryKind.Doctor, "5000.00", Regime.Declaration)]
    [InlineData(BenefitNature.ResearchGift, BeneficiaryKind.Association, "8000.01", Regime.Authorisation)]
    [InlineData(BenefitNature.ResearchGift, BeneficiaryKind.Student, "0", Regime.Declaration)]
    public void The_regime_is_computed_from_the_amount_against_the_threshold_of_the_arrete(
        BenefitNature nature, BeneficiaryKind beneficiary, string amount, Regime expected) =>
        Assert.Equal(expected, ConventionsRules.RegimeOf(nature, beneficiary, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Fact]
    public void Every_threshold_is_a_dated_row_in_euros_with_the_arrete_as_its_source()
    {
        var rows = ConventionsRules.Book.Rows().Where(r => r.Name.StartsWith("threshold-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enum.GetValues<BenefitNature>().Length * Enum.GetValues<BeneficiaryKind>().Length, rows.Count);
        Assert.All(rows, r => Assert.Equal(("euros", ConventionsRules.Reform), (r.Unit, r.InForceFrom)));
        Assert.All(rows, r => Assert.Contains("arrêté du 7 août 2020", r.Source));
        Assert.Equal(2_000, ConventionsRules.Book.Value(ConventionsRules.ThresholdName(BenefitNature.Remuneration, BeneficiaryKind.Doctor), Today));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConventionsRules.Book.InForce(ConventionsRules.DeclarationNotice, new DateOnly(2020, 9, 30)));
        Assert.Equal(RuleUnit.JoursOuvrables, ConventionsRules.Book.InForce(ConventionsRules.DeclarationNotice, Today).Unit);
    }

    [Fact]
    public void The_amounts_of_one_nature_are_added_over_the_convention()
    {
        var dossiers = Submitted(Submission((BenefitNature.Hospitality, 1_200m), (BenefitNature.Hospitality, 900m)));
        var only = Assert.Single(dossiers);
        Assert.Equal((Regime.Authorisation, DossierStatus.UnderReview, 2_100m), (only.Regime, only.Status, only.Total));
        Assert.Null(only.LinkedDossierId);
    }

    [Fact]
    public void A_convention_mixing_both_regimes_is_split_into_two_linked_dossiers_each_on_its_own_path()
    {
        var dossiers = Submitted(Submission((BenefitNature.Remuneration, 1_500m), (BenefitNature.Hospitality, 2_500.50m)));
        Assert.Equal(2, dossiers.Count);
        var (declaration, authorisation) = (dossiers.Single(d => d.Regime == Regime.Declaration), dossiers.Single(d => d.Regime == Regime.Authorisation));
        Assert.Equal((authorisation.Id, declaration.Id), (declaration.LinkedDossierId, authorisation.LinkedDossierId));
        Assert.Equal((DossierStatus.Declared, 1_500m, BenefitNature.Remuneration), (declaration.Status, declaration.Total, Assert.Single(declaration.Benefits).Nature));
        Assert.Equal((DossierStatus.UnderReview, 2_500.50m), (authorisation.Status, authorisation.Total));
        Assert.Equal((Today.AddMonths(2), Today.AddMonths(1)), (authorisation.DecisionDueOn, authorisation.IncompletenessNoticeDueOn));
        Assert.Null(declaration.DecisionDueOn);
        Assert.All(dossiers, d => Assert.Equal(("552100554", "REF-2026-001", true), (d.CompanyId, d.Reference, d.BeneficiaryRegisteredAndPractising)));
    }

    [Fact]
    public void A_declaration_is_due_8_jours_ouvrables_before_the_benefit_not_counting_sundays_nor_whit_monday()
    {
        // Friday 29 May 2026; Whit Monday 25 May and Sunday 24 May are not jours ouvrables: the 8th before is Tuesday 19 May.
        var benefitOn = new DateOnly(2026, 5, 29);
        Assert.Equal(new DateOnly(2026, 5, 19), ConventionsRules.LatestDeclarationDay(benefitOn, "75", Today));
        var request = Submission((BenefitNature.Hospitality, 300m)) with { PeriodFrom = benefitOn, PeriodTo = benefitOn, BenefitOn = benefitOn };

        var onTime = Assert.Single(Submitted(request, on: new DateOnly(2026, 5, 19)));
        Assert.Equal((DossierStatus.Declared, false, new DateOnly(2026, 5, 19)), (onTime.Status, onTime.Late, onTime.LatestSendingOn));
        var late = Assert.Single(Submitted(request, on: new DateOnly(2026, 5, 20)));
        Assert.Equal((DossierStatus.Declared, true), (late.Status, late.Late));
    }

    [Fact]
    public void The_beneficiary_department_decides_the_calendar_and_paris_is_the_default()
    {
        // Good Friday 3 April 2026 is a holiday in Moselle only: benefit on Saturday 11 April 2026.
        var benefitOn = new DateOnly(2026, 4, 11);
        Assert.Equal(new DateOnly(2026, 4, 1), ConventionsRules.LatestDeclarationDay(benefitOn, "75", Today));
        Assert.Equal(new DateOnly(2026, 3, 31), ConventionsRules.LatestDeclarationDay(benefitOn, "57", Today));
        Assert.Equal("75", ConventionsRules.CalendarDepartment(null));
        Assert.Equal("75", ConventionsRules.CalendarDepartment("99"));
        Assert.Equal("57", ConventionsRules.CalendarDepartment("57"));
    }

    [Fact]
    public void The_ordre_decides_up_to_the_last_day_of_the_two_months_and_not_the_day_after()
    {
        var request = Assert.Single(Submitted(Submission((BenefitNature.Remuneration, 3_000m))));
        var lastDay = new DateOnly(2027, 1, 22);
        Assert.Equal(lastDay, request.DecisionDueOn);

        var granted = After(request, DecideAuthorisationEndpoint.DecideGrant(request, lastDay, "cnom"));
        Assert.Equal((DossierStatus.Authorised, lastDay), (granted.Status, granted.DecidedOn));
        Assert.Contains("silence vaut autorisation",
            Assert.IsType<Outcome.NotAllowed>(DecideAuthorisationEndpoint.DecideGrant(request, lastDay.AddDays(1), "cnom")).Reason);
        Assert.IsType<Outcome.NotAllowed>(DecideAuthorisationEndpoint.DecideRefusal(request, new RefuseAuthorisation("Montant disproportionné"), lastDay.AddDays(1), "cnom"));
        Assert.IsType<Outcome.NotAllowed>(DecideAuthorisationEndpoint.DecideGrant(granted, lastDay, "cnom"));
    }

    [Fact]
    public void A_refusal_gives_its_reasons()
    {
        var request = Assert.Single(Submitted(Submission((BenefitNature.Remuneration, 3_000m))));
        Assert.True(Assert.IsType<Outcome.Invalid>(DecideAuthorisationEndpoint.DecideRefusal(request, new RefuseAuthorisation("  "), Today, "cnom")).Errors.ContainsKey("reasons"));
        var refused = After(request, DecideAuthorisationEndpoint.DecideRefusal(request, new RefuseAuthorisation("Rémunération sans rapport avec le travail fourni."), Today, "cnom"));
        Assert.Equal((DossierStatus.Refused, "Rémunération sans rapport avec le travail fourni."), (refused.Status, refused.RefusalReasons));
        Assert.Null(refused.NextDeadline);
    }

    [Fact]
    public void Incompleteness_within_one_month_stops_the_clock_which_restarts_for_two_months_on_receipt_of_the_documents()
    {
        var request = Assert.Single(Submitted(Submission((BenefitNature.Remuneration, 3_000m))));
        var missing = new NotifyIncompleteness(["Convention signée", "Programme de la manifestation"]);
        Assert.IsType<Outcome.NotAllowed>(NotifyIncompletenessEndpoint.Decide(request, missing, Today.AddMonths(1).AddDays(1), "cnom"));

        var incomplete = After(request, NotifyIncompletenessEndpoint.Decide(request, missing, Today.AddMonths(1), "cnom"));
        Assert.Equal((DossierStatus.AwaitingDocuments, (DateOnly?)null, (DateOnly?)null), (incomplete.Status, incomplete.DecisionDueOn, incomplete.NextDeadline));
        Assert.Empty(DossierClock.DueOn(incomplete, Today.AddMonths(6)));
        Assert.IsType<Outcome.NotAllowed>(DecideAuthorisationEndpoint.DecideGrant(incomplete, Today.AddDays(40), "cnom"));
        Assert.IsType<Outcome.NotAllowed>(NotifyIncompletenessEndpoint.Decide(incomplete, missing, Today.AddDays(20), "cnom"));

        var receivedOn = new DateOnly(2027, 3, 10);
        var completed = After(incomplete, SendMissingDocumentsEndpoint.Decide(incomplete, new SendMissingDocuments(["Convention signée"]), receivedOn, "labo-exemple"));
        Assert.Equal((DossierStatus.UnderReview, new DateOnly(2027, 5, 10)), (completed.Status, completed.DecisionDueOn));
        Assert.IsType<Outcome.Accepted>(DecideAuthorisationEndpoint.DecideGrant(completed, new DateOnly(2027, 5, 10), "cnom"));
        Assert.IsType<Outcome.NotAllowed>(SendMissingDocumentsEndpoint.Decide(completed, new SendMissingDocuments(["x"]), receivedOn, "labo-exemple"));
    }

    [Fact]
    public void Silence_means_authorised_the_day_after_the_last_day_to_decide()
    {
        var request = Assert.Single(Submitted(Submission((BenefitNature.Remuneration, 3_000m))));
        var lastDay = request.DecisionDueOn!.Value;
        Assert.Equal(lastDay.AddDays(1), request.NextDeadline);
        Assert.Empty(DossierClock.DueOn(request, lastDay));
        var deemed = Assert.IsType<AuthorisationDeemedGranted>(Assert.Single(DossierClock.DueOn(request, lastDay.AddDays(1))));
        Assert.Equal((lastDay, lastDay.AddDays(1), ConventionCategory.Fees), (deemed.DueOn, deemed.On, deemed.Category));
        var authorised = Evolution<Dossier>.Apply(request, deemed);
        Assert.Equal((DossierStatus.DeemedAuthorised, (DateOnly?)null), (authorised.Status, authorised.NextDeadline));
    }

    [Fact]
    public void A_declaration_closes_at_its_benefit_date_and_takes_one_recommendation_until_then()
    {
        var declaration = Assert.Single(Submitted(Submission((BenefitNature.Hospitality, 150m))));
        Assert.Equal(declaration.BenefitOn, declaration.NextDeadline);
        Assert.Empty(DossierClock.DueOn(declaration, declaration.BenefitOn.AddDays(-1)));
        var recommended = After(declaration, IssueRecommendationEndpoint.Decide(declaration, new IssueRecommendation("Préciser le programme scientifique."), Today, "cnom"));
        Assert.IsType<Outcome.NotAllowed>(IssueRecommendationEndpoint.Decide(recommended, new IssueRecommendation("Encore"), Today, "cnom"));
        Assert.IsType<Outcome.NotAllowed>(DecideAuthorisationEndpoint.DecideGrant(declaration, Today, "cnom"));
        var closed = Evolution<Dossier>.Apply(recommended, Assert.IsType<DossierClosed>(Assert.Single(DossierClock.DueOn(recommended, declaration.BenefitOn))));
        Assert.Equal(DossierStatus.Closed, closed.Status);
        Assert.IsType<Outcome.NotAllowed>(IssueRecommendationEndpoint.Decide(closed with { Recommendation = null }, new IssueRecommendation("Tard"), Today, "cnom"));
    }

    [Fact]
    public void A_student_or_an_association_is_not_asked_of_the_tableau()
    {
        var student = Submission((BenefitNature.Remuneration, 900m)) with { Beneficiary = new BeneficiaryRequest(BeneficiaryKind.Student, null, "0123456789A", null) };
        var dossier = Assert.Single(SubmitDossierEndpoint.Decide(student, "552100554", Today, null, new FakeTimeProvider(), "labo-exemple"));
        Assert.Single(dossier.Events);
        var created = Dossier.Create((DossierSubmitted)dossier.Events[0]);
        Assert.Equal((Regime.Authorisation, (bool?)null, "0123456789A", (string?)null), (created.Regime, created.BeneficiaryRegisteredAndPractising, created.Beneficiary.Ine, created.Beneficiary.Rpps));
    }

    [Fact]
    public void The_submission_is_validated_field_by_field()
    {
        Assert.Empty(SubmitDossierEndpoint.Validate(Submission((BenefitNature.Remuneration, 10m)), Today));
        var errors = SubmitDossierEndpoint.Validate(new SubmitDossier(" ", null, new BeneficiaryRequest(BeneficiaryKind.Doctor, "10001234567", null, null), "",
            [new BenefitRequest(null, null, -1m), new BenefitRequest(BenefitNature.Hospitality, null, 10.001m)], Today, Today.AddDays(-1), Today), Today);
        Assert.Equal(["beneficiary.rpps", "benefits[0].amount", "benefits[0].nature", "benefits[1].amount", "category", "periodTo", "purpose", "reference"],
            errors.Keys.Order(StringComparer.Ordinal));
        var farAway = Submission((BenefitNature.Remuneration, 10m)) with { PeriodFrom = Today.AddYears(4), PeriodTo = Today.AddYears(4), BenefitOn = Today.AddYears(4) };
        Assert.Contains("benefitOn", SubmitDossierEndpoint.Validate(farAway, Today).Keys);
        // A period at the calendar's end is a field's error, not an overflow adding its five years.
        var lastYear = Submission((BenefitNature.Remuneration, 10m)) with { PeriodFrom = new(9999, 1, 1), PeriodTo = new(9999, 12, 31), BenefitOn = new(9999, 6, 1) };
        Assert.Equal(["benefitOn"], SubmitDossierEndpoint.Validate(lastYear, Today).Keys);
        var tooLong = Submission((BenefitNature.Remuneration, 10m)) with { PeriodFrom = new(9993, 1, 1), PeriodTo = new(9999, 12, 31), BenefitOn = Today };
        Assert.Equal(["periodTo"], SubmitDossierEndpoint.Validate(tooLong, Today).Keys);
    }

    [Fact]
    public void A_doctor_who_may_not_practise_gets_the_dates_of_an_unknown_rpps_not_those_of_his_department()
    {
        // 26 December is a holiday in Moselle only: the latest sending day would tell a struck-off Moselle doctor from an unknown RPPS.
        var struckOff = TableauCheck.AnswerOf(new PractitionerStatus { Rpps = Doctor, Known = true, Registered = false, Status = "StruckOff", Department = "57" });
        var unknown = TableauCheck.AnswerOf(new PractitionerStatus { Rpps = Doctor, Known = false });
        Assert.Equal(new TableauAnswer(false, null), struckOff);
        Assert.Equal(unknown, struckOff);
        Assert.Equal(new TableauAnswer(true, "57"), TableauCheck.AnswerOf(new PractitionerStatus { Rpps = Doctor, Known = true, Registered = true, MayPractise = true, Department = "57" }));
        var christmas = Submission((BenefitNature.Hospitality, 50m)) with { PeriodFrom = new(2026, 12, 1), PeriodTo = new(2027, 1, 31), BenefitOn = new(2027, 1, 6) };
        Assert.Equal(Submitted(christmas, tableau: unknown).Single().LatestSendingOn, Submitted(christmas, tableau: struckOff).Single().LatestSendingOn);
        Assert.NotEqual(Submitted(christmas, tableau: new TableauAnswer(true, "57")).Single().LatestSendingOn, Submitted(christmas, tableau: unknown).Single().LatestSendingOn);
    }

    [Fact]
    public void The_same_content_has_the_same_fingerprint_whatever_the_spaces_and_trailing_zeros()
    {
        var request = Submission((BenefitNature.Remuneration, 100m));
        var same = Submission((BenefitNature.Remuneration, 100.00m)) with { Purpose = "  " + request.Purpose + " " };
        Assert.Equal(SubmitDossierEndpoint.Fingerprint(request), SubmitDossierEndpoint.Fingerprint(same));
        Assert.NotEqual(SubmitDossierEndpoint.Fingerprint(request), SubmitDossierEndpoint.Fingerprint(Submission((BenefitNature.Remuneration, 100.01m))));
    }

    [Fact]
    public void An_urgent_request_is_decided_within_three_weeks_until_the_urgency_is_rejected()
    {
        var urgent = Assert.Single(Submitted(Submission((BenefitNature.Remuneration, 3_000m)) with { Urgent = true }));
        Assert.Equal((true, Today.AddDays(21), Today.AddDays(21)), (urgent.Urgent, urgent.DecisionDueOn, urgent.IncompletenessNoticeDueOn));
        // A declaration part of an urgent convention is not urgent: it has no decision to hasten.
        var declaration = Assert.Single(Submitted(Submission((BenefitNature.Remuneration, 30m)) with { Urgent = true }));
        Assert.False(declaration.Urgent);

        Assert.True(Assert.IsType<Outcome.Invalid>(RejectUrgencyEndpoint.Decide(urgent, new RejectUrgency(""), Today, "cnom")).Errors.ContainsKey("reasons"));
        var ordinary = After(urgent, RejectUrgencyEndpoint.Decide(urgent, new RejectUrgency("Manifestation connue depuis six mois."), Today.AddDays(5), "cnom"));
        Assert.Equal((true, Today.AddMonths(2)), (ordinary.UrgencyRejected, ordinary.DecisionDueOn));
        Assert.IsType<Outcome.NotAllowed>(RejectUrgencyEndpoint.Decide(ordinary, new RejectUrgency("Encore"), Today.AddDays(6), "cnom"));
        Assert.IsType<Outcome.NotAllowed>(RejectUrgencyEndpoint.Decide(urgent, new RejectUrgency("Trop tard"), Today.AddDays(22), "cnom"));
        var notUrgent = Assert.Single(Submitted(Submission((BenefitNature.Remuneration, 3_000m))));
        Assert.IsType<Outcome.NotAllowed>(RejectUrgencyEndpoint.Decide(notUrgent, new RejectUrgency("Sans objet"), Today, "cnom"));
        // Silence after the 3 weeks authorises an urgent request.
        Assert.IsType<AuthorisationDeemedGranted>(Assert.Single(DossierClock.DueOn(urgent, Today.AddDays(22))));
    }

    [Fact]
    public void After_a_refusal_an_amended_convention_sent_within_15_days_is_decided_within_15_days_or_authorised_by_silence()
    {
        var request = Assert.Single(Submitted(Submission((BenefitNature.Remuneration, 3_000m))));
        var refusedOn = Today.AddDays(10);
        var refused = After(request, DecideAuthorisationEndpoint.DecideRefusal(request, new RefuseAuthorisation("Honoraires disproportionnés."), refusedOn, "cnom"));
        Assert.Equal(refusedOn.AddDays(15), refused.AmendmentDueOn);
        var amendment = new AmendConvention("Intervention d'une demi-journée", [new BenefitRequest(BenefitNature.Remuneration, "Honoraires", 2_500m)]);

        Assert.IsType<Outcome.NotAllowed>(AmendConventionEndpoint.Decide(refused, amendment, refusedOn.AddDays(16), "labo-exemple"));
        Assert.IsType<Outcome.NotAllowed>(AmendConventionEndpoint.Decide(request, amendment, refusedOn, "labo-exemple"));
        Assert.True(Assert.IsType<Outcome.Invalid>(AmendConventionEndpoint.Decide(refused, amendment with { Benefits = [] }, refusedOn, "labo-exemple")).Errors.ContainsKey("benefits"));

        var amendedOn = refusedOn.AddDays(15);
        var amended = After(refused, AmendConventionEndpoint.Decide(refused, amendment, amendedOn, "labo-exemple"));
        Assert.Equal((DossierStatus.UnderReview, true, amendedOn.AddDays(15), 2_500m), (amended.Status, amended.Amended, amended.DecisionDueOn, amended.Total));
        Assert.IsType<Outcome.NotAllowed>(NotifyIncompletenessEndpoint.Decide(amended, new NotifyIncompleteness(["x"]), amendedOn, "cnom"));
        Assert.Empty(DossierClock.DueOn(amended, amendedOn.AddDays(15)));
        Assert.Equal(DossierStatus.DeemedAuthorised,
            Evolution<Dossier>.Apply(amended, Assert.Single(DossierClock.DueOn(amended, amendedOn.AddDays(16)))).Status);

        // Refused again: no second amendment.
        var refusedAgain = After(amended, DecideAuthorisationEndpoint.DecideRefusal(amended, new RefuseAuthorisation("Toujours disproportionnés."), amendedOn.AddDays(3), "cnom"));
        Assert.Null(refusedAgain.AmendmentDueOn);
        Assert.IsType<Outcome.NotAllowed>(AmendConventionEndpoint.Decide(refusedAgain, amendment, amendedOn.AddDays(4), "labo-exemple"));
    }

    [Fact]
    public void An_urgent_amended_convention_is_decided_within_a_week()
    {
        var urgent = Assert.Single(Submitted(Submission((BenefitNature.Remuneration, 3_000m)) with { Urgent = true }));
        var refused = After(urgent, DecideAuthorisationEndpoint.DecideRefusal(urgent, new RefuseAuthorisation("Non."), Today, "cnom"));
        var amended = After(refused, AmendConventionEndpoint.Decide(refused,
            new AmendConvention("Objet précisé", [new BenefitRequest(BenefitNature.Remuneration, "Honoraires", 2_100m)]), Today.AddDays(2), "labo-exemple"));
        Assert.Equal(Today.AddDays(9), amended.DecisionDueOn);
        var rejected = After(amended, RejectUrgencyEndpoint.Decide(amended, new RejectUrgency("Injustifiée."), Today.AddDays(3), "cnom"));
        Assert.Equal(Today.AddDays(17), rejected.DecisionDueOn);
    }
}
