using Ordre.Tableau.Inscriptions;
using Ordre.Tableau.Inscriptions.Appealing;
using Ordre.Tableau.Inscriptions.Deadlines;
using Ordre.Tableau.Inscriptions.Deciding;
using Ordre.Tableau.Inscriptions.Instructing;
using Ordre.Tableau.Inscriptions.Notifying;
using Ordre.Tableau.Inscriptions.Requesting;
using Ordre.Tableau.Inscriptions.Withdrawing;
using Ordre.Tableau.Lps;
using Ordre.Tableau.Lps.Declaring;
using Ordre.Tableau.Lps.Expiring;
using Ordre.Tableau.Lps.Registering;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Tableau.Register.Suspensions;
using Diploma = Ordre.Tableau.Inscriptions.Diploma;

namespace Ordre.Tableau.Tests;

/// <summary>Every deadline of <see cref="TableauRules"/> on its last allowed day and on its first refused day.</summary>
public class DeadlineBoundaries
{
    private static readonly DateOnly Today = new(2026, 11, 22); // a Sunday

    private static Inscription Complete(DateOnly on, bool investigationAbroad = false) => new Inscription(
        Guid.CreateVersion7(), "10005173140", "75", "Lefèvre", "Élodie", new DateOnly(1990, 3, 2),
        new Diploma("DE", "Paris", new DateOnly(2018, 6, 30)), "Médecine générale", on, InscriptionStatus.Incomplete, null, [])
        .Apply(new DossierCompleted(Guid.Empty, on, investigationAbroad, InscriptionRules.DecisionDue(on, investigationAbroad), "cdom75"));

    private static Inscription Notified(Inscription dossier, DateOnly on) =>
        dossier.Apply((DecisionNotified)((Outcome.Accepted)NotifyDecisionEndpoint.Decide(dossier, new NotifyDecision(on), on, "cdom75")).Events[0]);

    private static Inscription Refused(DateOnly on) => Complete(on).Apply(new InscriptionRefused(Guid.Empty, "10005173140", "75", ["motif"], on, "cdom75"));

    private static Inscription Granted(DateOnly on) =>
        Complete(on).Apply(new InscriptionGranted(Guid.Empty, "10005173140", "75", "Lefèvre", "Élodie", "MG", on, "cdom75"));

    private static Outcome Lodge(Inscription dossier, DateOnly on) =>
        LodgeAppealEndpoint.Decide(dossier, new LodgeAppeal(AppealLevel.Regional, Appellant.Applicant, on), on, "crom");

    private static Practitioner Registered() => Practitioner.Create(new RegisteredOnTableau(
        PractitionerStream.IdOf("10005173140"), "10005173140", "75", "Lefèvre", "Élodie", "Médecine générale", new DateOnly(2020, 1, 6), Guid.NewGuid()));

    // L.4112-3, L.4112-4: 3 months from the complete dossier; the council's silence is a rejection the day after.
    [Fact]
    public void The_council_decides_until_the_same_day_three_months_later_and_its_silence_rejects_the_day_after()
    {
        var dossier = Complete(Today);
        Assert.Empty(SilentRejection.Due(dossier, new DateOnly(2027, 2, 22)));
        Assert.IsType<InscriptionImplicitlyRejected>(Assert.Single(SilentRejection.Due(dossier, new DateOnly(2027, 2, 23))));
    }

    // L.4112-3: 6 months when an investigation outside metropolitan France is needed.
    [Fact]
    public void With_an_investigation_abroad_the_council_decides_until_the_same_day_six_months_later()
    {
        var dossier = Complete(Today, investigationAbroad: true);
        Assert.Empty(SilentRejection.Due(dossier, new DateOnly(2027, 5, 22)));
        Assert.Single(SilentRejection.Due(dossier, new DateOnly(2027, 5, 23)));
    }

    // L.4112-4: 30 days from the notification; DOMAIN.md open question 13: a last day on a non-working day moves on.
    [Fact]
    public void The_applicant_appeals_until_the_thirtieth_day_after_the_notification()
    {
        var notified = Notified(Refused(Today), new DateOnly(2026, 11, 23)); // + 30 days = Wednesday 23/12
        Assert.Equal(new DateOnly(2026, 12, 23), notified.AppealDeadline);
        Assert.IsType<Outcome.Accepted>(Lodge(notified, new DateOnly(2026, 12, 23)));
        Assert.IsType<Outcome.NotAllowed>(Lodge(notified, new DateOnly(2026, 12, 24)));
    }

    // L.4112-4 and DOMAIN.md open question 13 (CPC art. 642): Saturday 26/12 → Monday 28/12 (Christmas is Friday).
    [Fact]
    public void An_appeal_deadline_falling_on_a_saturday_moves_to_the_next_working_day()
    {
        var notified = Notified(Refused(Today), new DateOnly(2026, 11, 26)); // + 30 days = Saturday 26/12
        Assert.Equal(new DateOnly(2026, 12, 28), notified.AppealDeadline);
        Assert.IsType<Outcome.Accepted>(Lodge(notified, new DateOnly(2026, 12, 28)));
        Assert.IsType<Outcome.NotAllowed>(Lodge(notified, new DateOnly(2026, 12, 29)));
    }

    // L.4112-4: the implicit rejection opens 30 days of appeal from the day it took effect.
    [Fact]
    public void An_implicit_rejection_may_be_appealed_until_the_thirtieth_day_after_it()
    {
        var dossier = Complete(Today);
        var rejected = dossier.Apply((InscriptionImplicitlyRejected)SilentRejection.Due(dossier, new DateOnly(2027, 2, 23))[0]);
        Assert.Equal(new DateOnly(2027, 3, 24), rejected.AppealDeadline); // 22/02 + 30 days, a Wednesday
        Assert.IsType<Outcome.Accepted>(Lodge(rejected, new DateOnly(2027, 3, 24)));
        Assert.IsType<Outcome.NotAllowed>(Lodge(rejected, new DateOnly(2027, 3, 25)));
    }

    // L.4112-4: the national council withdraws an unappealed registration only after the appeal deadline, and until 3
    // months after it: refused on the last day an appeal is still possible, allowed the day after and on the last day.
    [Fact]
    public void The_national_council_withdraws_a_registration_from_the_day_after_the_appeal_deadline_until_three_months_later()
    {
        var granted = Notified(Granted(Today), new DateOnly(2026, 11, 23)); // appeal until 23/12/2026
        Outcome Withdraw(DateOnly on) => WithdrawInscriptionEndpoint.Decide(granted, new WithdrawInscription("erreur manifeste"), on, "cnom");
        Assert.IsType<Outcome.NotAllowed>(Withdraw(new DateOnly(2026, 12, 23)));
        Assert.IsType<Outcome.Accepted>(Withdraw(new DateOnly(2026, 12, 24)));
        Assert.IsType<Outcome.Accepted>(Withdraw(new DateOnly(2027, 3, 23)));
        Assert.IsType<Outcome.NotAllowed>(Withdraw(new DateOnly(2027, 3, 24)));
    }

    // (A) minimum age 18: eighteen on the day of the request is enough.
    [Fact]
    public void An_applicant_may_apply_on_the_day_of_the_eighteenth_birthday_not_the_day_before()
    {
        var request = new RequestInscription("10005173140", "75", "Lefèvre", "Élodie", Today.AddYears(-18),
            new Diploma("DE", "Paris", Today.AddDays(-1)), "Médecine générale");
        Assert.DoesNotContain("birthDate", RequestInscriptionEndpoint.Validate(request, Today).Keys);
        Assert.Contains("birthDate", RequestInscriptionEndpoint.Validate(request with { BirthDate = Today.AddYears(-18).AddDays(1) }, Today).Keys);
    }

    // (A) input bound: a suspension's first day is within a year of the order, either way.
    [Fact]
    public void A_suspension_starts_at_most_a_year_before_or_after_its_order()
    {
        Outcome Order(DateOnly from) => OrderSuspensionEndpoint.Decide(Registered(),
            new OrderSuspension(SuspensionSource.Health, false, from, from.AddMonths(1)), Today, "crom", Guid.NewGuid());
        Assert.IsType<Outcome.Accepted>(Order(Today.AddYears(1)));
        Assert.IsType<Outcome.Invalid>(Order(Today.AddYears(1).AddDays(1)));
        Assert.IsType<Outcome.Accepted>(Order(Today.AddYears(-1)));
        Assert.IsType<Outcome.Invalid>(Order(Today.AddYears(-1).AddDays(-1)));
    }

    // R.4124-3 (renewable fixed period), (A) 5 years at most for one period.
    [Fact]
    public void One_period_of_suspension_lasts_at_most_five_years()
    {
        Outcome Order(DateOnly until) => OrderSuspensionEndpoint.Decide(Registered(),
            new OrderSuspension(SuspensionSource.Health, false, Today, until), Today, "crom", Guid.NewGuid());
        Assert.IsType<Outcome.Accepted>(Order(Today.AddYears(5)));
        Assert.IsType<Outcome.Invalid>(Order(Today.AddYears(5).AddDays(1)));
    }

    // R.4112-3, (A) 12 months ahead at most.
    [Fact]
    public void A_striking_off_at_the_doctors_request_takes_effect_at_most_twelve_months_ahead()
    {
        Outcome StrikeOff(DateOnly on) => StrikeOffEndpoint.Decide(Registered(), new StrikeOff(StrikingOffReason.CeasedPractice, on), Today, "cdom75");
        Assert.IsType<StrikingOffScheduled>(Assert.Single(((Outcome.Accepted)StrikeOff(Today.AddMonths(12))).Events));
        Assert.IsType<Outcome.Invalid>(StrikeOff(Today.AddMonths(12).AddDays(1)));
        Assert.IsType<PractitionerStruckOff>(Assert.Single(((Outcome.Accepted)StrikeOff(Today)).Events));
    }

    // R.4112-9: the national council answers a declaration within a month; a registration is valid a year (K), its last
    // day the day before the anniversary (28/02 from 29/02), and the clock expires it the day after.
    [Fact]
    public void A_free_provision_is_answered_within_a_month_and_valid_until_the_day_before_its_anniversary()
    {
        Assert.Equal(new DateOnly(2026, 12, 22), LpsRules.AnswerDue(Today));
        Assert.Equal(new DateOnly(2029, 2, 28), LpsRules.ValidUntil(new DateOnly(2028, 2, 29)));
        var received = LpsDeclaration.Create(new LpsDeclarationReceived(Guid.NewGuid(), "Müller", "Anna", "DE", "Facharzt", Today, LpsRules.AnswerDue(Today), "cnom"));
        var registered = received.Apply((LpsDeclarationRegistered)((Outcome.Accepted)RegisterLpsEndpoint.Decide(received, Today, "cnom")).Events[0]);
        Assert.Equal(new DateOnly(2027, 11, 21), registered.ValidUntil);
        Assert.Empty(ExpireUnrenewedDeclarations.Due(registered, new DateOnly(2027, 11, 21)));
        Assert.Single(ExpireUnrenewedDeclarations.Due(registered, new DateOnly(2027, 11, 22)));
    }

    // DOMAIN.md conventions: a measure of n months counted from its first day ends the day before the same day of the
    // month, or on the last day of a shorter month.
    [Theory]
    [InlineData("2026-11-22", "2027-04-21")]
    [InlineData("2026-09-30", "2027-02-28")]
    [InlineData("2027-01-31", "2027-06-30")]
    [InlineData("2027-03-01", "2027-07-31")]
    [InlineData("2027-09-29", "2028-02-28")]
    public void A_five_month_measure_ends_the_day_before_the_same_day_or_on_the_last_day_of_a_shorter_month(string from, string lastDay) =>
        Assert.Equal(DateOnly.Parse(lastDay), TableauRules.LastDayOf(TableauRules.ArsEmergencyMaximum, DateOnly.Parse(from)));
}

/// <summary>The regional council's time on an appeal, and the withdrawal of an illegal registration.</summary>
public class AppealAndWithdrawalLimits
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Inscription Complete() => new Inscription(
        Guid.CreateVersion7(), "10005173140", "75", "Lefèvre", "Élodie", new DateOnly(1990, 3, 2),
        new Diploma("DE", "Paris", new DateOnly(2018, 6, 30)), "Médecine générale", Today, InscriptionStatus.Incomplete, null, [])
        .Apply(new DossierCompleted(Guid.Empty, Today, false, InscriptionRules.DecisionDue(Today, false), "cdom75"));

    // R.4112-5: the regional council decides within 2 months; its silence rejects the appeal, and the national appeal
    // runs 30 days from then.
    [Fact]
    public void The_regional_council_rules_on_an_appeal_within_two_months_or_its_silence_rejects_it()
    {
        var appealed = Complete()
            .Apply(new InscriptionRefused(Guid.Empty, "10005173140", "75", ["motif"], Today, "cdom75"))
            .Apply(new DecisionNotified(Guid.Empty, Today, Today.AddDays(30), "cdom75"))
            .Apply(new AppealLodged(Guid.Empty, AppealLevel.Regional, Appellant.Applicant, new DateOnly(2026, 12, 1), "crom"));
        Assert.Equal(new DateOnly(2027, 2, 2), appealed.NextDeadline);
        Assert.Empty(SilentRejection.Due(appealed, new DateOnly(2027, 2, 1)));
        var silence = Assert.IsType<AppealImplicitlyRejected>(Assert.Single(SilentRejection.Due(appealed, new DateOnly(2027, 2, 2))));

        var rejected = appealed.Apply(silence);
        Assert.Null(rejected.NextDeadline);
        Assert.Equal(new DateOnly(2027, 3, 3), rejected.AppealDeadline); // 01/02 + 30 days
        Assert.IsType<Outcome.NotAllowed>(DecideAppealEndpoint.Decide(rejected, new DecideAppeal(AppealLevel.Regional, AppealOutcome.Reversed), new DateOnly(2027, 2, 2), "crom"));
        Assert.IsType<Outcome.Accepted>(LodgeAppealEndpoint.Decide(rejected, new LodgeAppeal(AppealLevel.National, Appellant.Applicant, null), new DateOnly(2027, 3, 3), "cnom"));
    }

    // L.4112-1 (illegal registration): the national council withdraws it within 4 months of the decision, even before the
    // appeal deadline; not the day after.
    [Fact]
    public void An_illegal_registration_is_withdrawn_within_four_months_of_its_decision()
    {
        var granted = Complete().Apply(new InscriptionGranted(Guid.Empty, "10005173140", "75", "Lefèvre", "Élodie", "MG", Today, "cdom75"));
        Outcome Withdraw(DateOnly on) => WithdrawInscriptionEndpoint.Decide(granted, new WithdrawInscription("diplôme non reconnu", WithdrawalGround.Illegal), on, "cnom");
        Assert.IsType<InscriptionAnnulled>(Assert.Single(((Outcome.Accepted)Withdraw(Today)).Events));
        Assert.IsType<Outcome.Accepted>(Withdraw(new DateOnly(2027, 3, 22)));
        Assert.IsType<Outcome.NotAllowed>(Withdraw(new DateOnly(2027, 3, 23)));
        Assert.IsType<Outcome.NotAllowed>(WithdrawInscriptionEndpoint.Decide(granted, new WithdrawInscription("erreur"), Today, "cnom")); // not notified: no material-error window yet
    }
}
