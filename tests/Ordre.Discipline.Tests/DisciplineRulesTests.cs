using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ordre.Contracts.Access;
using Ordre.Contracts.Rules;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Chambers.Appealing;
using Ordre.Discipline.Chambers.Clock;
using Ordre.Discipline.Chambers.Deciding;
using Ordre.Discipline.Chambers.Notifying;
using Ordre.Discipline.Chambers.Opening;
using Ordre.ServiceDefaults.Auth;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Discipline.Tests;

/// <summary>Discipline's rules table (<see cref="DisciplineRules"/>) and the deadlines it sets, on their boundaries.</summary>
public class DisciplineRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void Every_rule_Discipline_applies_is_a_dated_row_with_a_French_label_and_its_source()
    {
        var rows = DisciplineRules.Book.Rows();
        Assert.Equal(17, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Label));
            Assert.Matches(@"(CSP [LR]\.\d{4}-\d+)|\(A\)", r.Source);
            Assert.Null(r.InForceUntil);
        });
        Assert.Equal(rows.Count, rows.Select(r => r.Name).Distinct().Count());
    }

    [Theory]
    [InlineData(DisciplineRules.Conciliation, 1, "mois", "CSP L.4123-2")]
    [InlineData(DisciplineRules.Transmission, 3, "mois", "CSP L.4123-2")]
    [InlineData(DisciplineRules.NationalTransmission, 1, "mois", "CSP L.4123-2")]
    [InlineData(DisciplineRules.MinimumConciliators, 3, "membres", "CSP L.4123-2")]
    [InlineData(DisciplineRules.ChamberDecision, 6, "mois", "CSP L.4124-1 (K)")]
    [InlineData(DisciplineRules.EmergencyDecision, 2, "mois", "CSP L.4113-14")]
    [InlineData(DisciplineRules.EmergencyNationalDecision, 2, "mois", "CSP L.4113-14")]
    [InlineData(DisciplineRules.Appeal, 30, "jours", "CSP R.4126-44")]
    [InlineData(DisciplineRules.EmergencyHearing, 3, "jours", "CSP L.4113-14")]
    [InlineData(DisciplineRules.Cassation, 2, "mois", "CSP R.4126-48")]
    [InlineData(DisciplineRules.AppealWhenDeadlineOmitted, 2, "mois", "CSP R.4126-32, R.4126-44 (DOMAIN §3.2)")]
    [InlineData(DisciplineRules.MaxPracticeBan, 36, "mois", "CSP L.4124-6 4°")]
    [InlineData(DisciplineRules.SursisRevocation, 5, "ans", "CSP L.4124-6")]
    public void Each_rule_has_the_value_and_the_article_DOMAIN_gives(string name, int value, string unit, string source)
    {
        var row = Assert.Single(DisciplineRules.Book.Rows(), r => r.Name == name);
        Assert.Equal((value, unit, source), (row.Value, row.Unit, row.Source));
    }

    [Fact]
    public void Complaint_and_chamber_periods_are_calendar_months_from_their_start() =>
        Assert.Equal(
            (Today.AddMonths(1), Today.AddMonths(3), Today.AddMonths(6), new DateOnly(2027, 1, 22), new DateOnly(2027, 2, 28)),
            (DisciplineRules.Book.After(DisciplineRules.Conciliation, Today), DisciplineRules.Book.After(DisciplineRules.Transmission, Today),
                OpenCase.OnTransmission(Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, false).DecisionDueOn,
                OpenCase.OnTransmission(Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, true).DecisionDueOn,
                ChamberRules.NationalEmergencyDecisionDue(new DateOnly(2026, 12, 31))));

    private static ChamberCase NotifiedOn(DateOnly notifiedOn, NotifyDecision? notice = null)
    {
        var registered = ChamberCase.Create(new ChamberCaseRegistered(Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, Today.AddMonths(6)));
        var decided = registered.Apply(new DecisionRendered(registered.Id, DecisionForm.PresidentialOrder, DecisionOutcome.Warning, 0, 0, null, Today, "cdpi"));
        return Assert.IsType<Outcome.Accepted>(NotifyDecisionEndpoint.Decide(decided, notifiedOn, "cdpi", notice)).Events.Aggregate(decided, Evolution<ChamberCase>.Apply);
    }

    private static bool Admissible(ChamberCase notified, DateOnly lodgedOn, PartyResidence? residence = null) =>
        Assert.IsType<AppealToNationalChamberLodged>(Assert.IsType<Outcome.Accepted>(
            LodgeAppealEndpoint.Decide(notified, new LodgeAppeal(lodgedOn, residence), lodgedOn, "cdn")).Events[0]).Admissible;

    [Fact]
    public void An_appeal_is_admissible_on_the_thirtieth_day_after_notification_and_not_on_the_thirty_first()
    {
        // R.4126-44: notified Monday 23/11/2026, the 30 days end on Wednesday 23/12/2026.
        var notified = NotifiedOn(new DateOnly(2026, 11, 23));
        Assert.Equal(new DateOnly(2026, 12, 23), notified.AppealDeadline);
        Assert.True(Admissible(notified, new DateOnly(2026, 12, 23)));
        Assert.False(Admissible(notified, new DateOnly(2026, 12, 24)));
    }

    [Fact]
    public void An_appeal_window_ending_on_Christmas_runs_to_the_next_working_day_and_the_decision_becomes_final_only_after_it()
    {
        // R.4126-44 with DOMAIN open question 13: notified 25/11/2026, the 30th day is Friday 25/12 (public holiday),
        // then Saturday and Sunday: the last day is Monday 28/12/2026.
        var notified = NotifiedOn(new DateOnly(2026, 11, 25));
        Assert.Equal(new DateOnly(2026, 12, 28), notified.AppealDeadline);
        Assert.True(Admissible(notified, new DateOnly(2026, 12, 28)));
        Assert.False(Admissible(notified, new DateOnly(2026, 12, 29)));
        Assert.Empty(CaseClock.DueOn(notified, new DateOnly(2026, 12, 28)));
        Assert.Equal(new DateOnly(2026, 12, 29), Assert.IsType<DecisionBecameFinal>(Assert.Single(CaseClock.DueOn(notified, new DateOnly(2026, 12, 29)))).On);
    }

    [Fact]
    public void An_appellant_overseas_has_one_more_month_and_one_abroad_two_more()
    {
        // R.4126-44 "plus distance delays"; CPC 643 (K), DOMAIN open question 12: notified Monday 23/11/2026, the 30 days
        // end 23/12/2026; overseas 23/01/2027 is a Saturday, so Monday 25/01/2027; abroad Tuesday 23/02/2027.
        var notified = NotifiedOn(new DateOnly(2026, 11, 23));
        Assert.True(Admissible(notified, new DateOnly(2027, 1, 25), PartyResidence.Overseas));
        Assert.False(Admissible(notified, new DateOnly(2027, 1, 26), PartyResidence.Overseas));
        Assert.True(Admissible(notified, new DateOnly(2027, 2, 23), PartyResidence.Abroad));
        Assert.False(Admissible(notified, new DateOnly(2027, 2, 24), PartyResidence.Abroad));
        Assert.False(Admissible(notified, new DateOnly(2026, 12, 24), PartyResidence.MetropolitanFrance));
    }

    [Fact]
    public void A_decision_is_final_only_after_the_window_of_the_furthest_party()
    {
        // Notified 23/11/2026 with a party abroad: final on 24/02/2027, the day after that party's last day.
        var notified = NotifiedOn(new DateOnly(2026, 11, 23), new NotifyDecision(FurthestParty: PartyResidence.Abroad));
        Assert.Equal(new DateOnly(2027, 2, 23), notified.AppealDeadline);
        Assert.Empty(CaseClock.DueOn(notified, new DateOnly(2027, 2, 23)));
        Assert.Equal(new DateOnly(2027, 2, 24), Assert.IsType<DecisionBecameFinal>(Assert.Single(CaseClock.DueOn(notified, new DateOnly(2027, 2, 24)))).On);
    }

    [Fact]
    public void When_the_notice_omits_the_appeal_deadline_every_party_has_two_months()
    {
        // DOMAIN §3.2 (R.4126-32, R.4126-44): notified 23/11/2026, 2 months end on Saturday 23/01/2027, so Monday 25/01/2027.
        var notified = NotifiedOn(new DateOnly(2026, 11, 23), new NotifyDecision(AppealDeadlineStated: false));
        Assert.Equal(new DateOnly(2027, 1, 25), notified.AppealDeadline);
        Assert.True(Admissible(notified, new DateOnly(2027, 1, 25)));
        Assert.False(Admissible(notified, new DateOnly(2027, 1, 26)));
        // Omitted deadline and a party abroad: the 2 months, then the 2 months of distance (23/03/2027, a Tuesday).
        Assert.True(Admissible(notified, new DateOnly(2027, 3, 23), PartyResidence.Abroad));
        Assert.False(Admissible(notified, new DateOnly(2027, 3, 24), PartyResidence.Abroad));
    }

    private static Outcome Decide(RenderDecision decision) =>
        RenderDecisionEndpoint.Decide(ChamberCase.Create(new ChamberCaseRegistered(Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, Today.AddMonths(6))),
            decision, Today, "cdpi");

    [Theory]
    [InlineData(0, true)]   // permanent (L.4124-6 3°)
    [InlineData(120, true)] // the (A) ceiling
    [InlineData(121, false)]
    public void A_ban_from_public_functions_is_permanent_or_lasts_at_most_the_ceiling(int months, bool accepted) =>
        Assert.Equal(accepted, Decide(new RenderDecision(DecisionForm.PresidentialOrder, DecisionOutcome.PublicFunctionsBan, months, 0, null)) is Outcome.Accepted);

    [Fact]
    public void A_sanction_may_start_at_most_five_years_after_the_decision()
    {
        // (A) deferral ceiling: 22/11/2031 is the last day allowed.
        Assert.IsType<Outcome.Accepted>(Decide(new RenderDecision(DecisionForm.PresidentialOrder, DecisionOutcome.PracticeBan, 3, 0, new DateOnly(2031, 11, 22))));
        Assert.IsType<Outcome.Invalid>(Decide(new RenderDecision(DecisionForm.PresidentialOrder, DecisionOutcome.PracticeBan, 3, 0, new DateOnly(2031, 11, 23))));
    }

    [Fact]
    public void A_suspended_part_is_revocable_for_acts_on_the_fifth_anniversary_of_its_notification_and_not_the_day_after()
    {
        // L.4124-6: acts committed within 5 years of the notification of the suspended sanction.
        var notifiedOn = new DateOnly(2021, 12, 1);
        var earlierRegistered = ChamberCase.Create(new ChamberCaseRegistered(Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", notifiedOn, notifiedOn.AddMonths(6)));
        var earlier = earlierRegistered
            .Apply(new DecisionRendered(earlierRegistered.Id, DecisionForm.Collegial, DecisionOutcome.PracticeBan, 6, 6, null, notifiedOn, "cdpi"))
            .Apply(new CaseDecisionNotified(earlierRegistered.Id, notifiedOn, notifiedOn.AddDays(30), "cdpi"))
            .Apply(new DecisionBecameFinal(earlierRegistered.Id, "10005173140", DecisionOutcome.PracticeBan, notifiedOn.AddDays(31), notifiedOn.AddDays(32), null, 6));
        var current = ChamberCase.Create(new ChamberCaseRegistered(Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, Today.AddMonths(6)));
        RenderDecision Revoking(DateOnly acts) => new(DecisionForm.PresidentialOrder, DecisionOutcome.PracticeBan, 3, 0, null, RevokeSuspendedPartOf: earlier.Id, ActsCommittedOn: acts);
        Assert.IsType<Outcome.Accepted>(RenderDecisionEndpoint.Decide(current, Revoking(new DateOnly(2026, 12, 1)), new DateOnly(2027, 1, 4), "cdpi", earlier));
        Assert.IsType<Outcome.Invalid>(RenderDecisionEndpoint.Decide(current, Revoking(new DateOnly(2026, 12, 2)), new DateOnly(2027, 1, 4), "cdpi", earlier));
    }

    [Fact]
    public void A_rule_changed_by_a_later_text_applies_from_its_date_and_the_old_row_before_it()
    {
        // How a change in the law is recorded: a new row, same name, later date (RuleBook.InForce).
        var book = new RuleBook([.. DisciplineRules.Book.Rows().Where(r => r.Name == DisciplineRules.Appeal)
            .Select(r => new LegalRule(r.Name, r.Label, r.Value, RuleUnit.Days, r.Source, r.InForceFrom ?? LegalRule.DateNotChecked)),
            new LegalRule(DisciplineRules.Appeal, "Appel (texte fictif)", 45, RuleUnit.Days, "Texte fictif", new DateOnly(2027, 1, 1))]);
        Assert.Equal((30, 45), (book.Value(DisciplineRules.Appeal, new DateOnly(2026, 12, 31)), book.Value(DisciplineRules.Appeal, new DateOnly(2027, 1, 1))));
    }
}

/// <summary>GET /rules answers the table, through the service in process with a test identity.</summary>
public class DisciplineRulesOverHttp(DisciplineInProcess discipline) : IClassFixture<DisciplineInProcess>
{
    private const string TestScheme = "Test";

    private sealed class TestIdentity(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers.TryGetValue("X-Test-Role", out var role)
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim("sub", "test"), new Claim(OrdreClaims.Role, role.ToString())], TestScheme, "sub", OrdreClaims.Role)), TestScheme))
                : AuthenticateResult.NoResult());
    }

    [Fact]
    public async Task A_council_reads_the_rules_table_and_an_anonymous_caller_does_not()
    {
        using var signedIn = discipline.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestIdentity>(TestScheme, _ => { });
            services.PostConfigure<AuthenticationOptions>(o => (o.DefaultScheme, o.DefaultAuthenticateScheme, o.DefaultChallengeScheme) = (TestScheme, TestScheme, TestScheme));
        }));
        using var client = signedIn.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/rules")).StatusCode);
        client.DefaultRequestHeaders.Add("X-Test-Role", Roles.NationalChamber);
        var rows = await client.GetFromJsonAsync<List<LegalRuleView>>("/rules");
        Assert.Equal(DisciplineRules.Book.Rows(), rows);
        Assert.Contains(rows!, r => r is { Name: DisciplineRules.Appeal, Value: 30, Unit: "jours", Source: "CSP R.4126-44" });
    }
}
