using Ordre.Tableau.Annuaire.Searching;
using Ordre.Tableau.Inscriptions;
using Ordre.Tableau.Inscriptions.Deciding;
using Ordre.Tableau.Inscriptions.Requesting;
using static Ordre.Tableau.Inscriptions.Deciding.DecideInscriptionEndpoint;
using Diploma = Ordre.Tableau.Inscriptions.Diploma;

namespace Ordre.Tableau.Tests;

public class InscriptionRules
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static RequestInscription ValidRequest() => new(
        "10005173140", "75", "Lefèvre", "Élodie", new DateOnly(1990, 3, 2),
        new Diploma("Diplôme d'État de docteur en médecine", "Université Paris Cité", new DateOnly(2018, 6, 30)),
        "Médecine générale");

    private static Inscription Requested(DateOnly? requestedOn = null) => new(
        Guid.CreateVersion7(), "10005173140", "75", "Lefèvre", "Élodie", new DateOnly(1990, 3, 2),
        new Diploma("DE", "Paris", new DateOnly(2018, 6, 30)), "Médecine générale",
        requestedOn ?? Today.AddDays(-10), InscriptionStatus.Requested, null, []);

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
    public void Granting_a_requested_inscription_records_the_doctor_with_the_decision_day()
    {
        var decision = Decide(Requested(), new DecideInscription(InscriptionOutcome.Granted, null, null), Today, "cdom75");
        var granted = Assert.IsType<InscriptionGranted>(decision.Event);
        Assert.Equal(Today, granted.GrantedOn);
        Assert.Equal("10005173140", granted.Rpps);
    }

    [Fact]
    public void A_refusal_without_motives_is_rejected()
    {
        var decision = Decide(Requested(), new DecideInscription(InscriptionOutcome.Refused, ["  "], null), Today, "cdom75");
        Assert.Null(decision.Event);
        Assert.Contains("motives", decision.Errors!.Keys);
    }

    [Fact]
    public void A_refusal_keeps_its_motives()
    {
        var decision = Decide(Requested(), new DecideInscription(InscriptionOutcome.Refused, ["Défaut de moralité"], null), Today, "cdom75");
        Assert.Equal(["Défaut de moralité"], Assert.IsType<InscriptionRefused>(decision.Event).Motives);
    }

    [Fact]
    public void A_decision_without_outcome_is_rejected() =>
        Assert.Contains("outcome", Decide(Requested(), new DecideInscription(null, null, null), Today, "x").Errors!.Keys);

    [Fact]
    public void A_decision_cannot_be_dated_before_the_request() =>
        Assert.Contains("decidedOn", Decide(Requested(Today.AddDays(-3)),
            new DecideInscription(InscriptionOutcome.Granted, null, Today.AddDays(-4)), Today, "x").Errors!.Keys);

    [Fact]
    public void A_decision_cannot_be_dated_in_the_future() =>
        Assert.Contains("decidedOn", Decide(Requested(),
            new DecideInscription(InscriptionOutcome.Granted, null, Today.AddDays(1)), Today, "x").Errors!.Keys);

    [Fact]
    public void A_dossier_already_decided_cannot_be_decided_again()
    {
        var granted = Requested() with { Status = InscriptionStatus.Granted };
        var decision = Decide(granted, new DecideInscription(InscriptionOutcome.Refused, ["motif"], null), Today, "x");
        Assert.Null(decision.Event);
        Assert.NotNull(decision.Refusal);
    }

    [Theory]
    [InlineData("Élodie LEFÈVRE", "elodie lefevre")]
    [InlineData("Gaëlle Noël", "gaelle noel")]
    [InlineData("Jean-Baptiste", "jean-baptiste")]
    public void Directory_search_ignores_accents_and_case(string text, string normalized) =>
        Assert.Equal(normalized, DirectoryEntry.Normalize(text));
}
