using System.Net;
using Ordre.Client;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>The dossier from request to appeal (DOMAIN.md §2.2), through the gateway.</summary>
[Collection(SystemCollection.Name)]
public class InscriptionLifecycleThroughTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task An_incomplete_dossier_is_decided_only_once_completed()
    {
        var token = await system.TokenFor("cdom75");
        var created = await system.Api.RequestInscription(NewDoctor("75") with { MissingDocuments = ["Bulletin n° 2 du casier judiciaire"] }, token);
        var id = created.Content!.Id;
        Assert.Equal("Incomplete", (await system.Api.GetInscription(id, token)).Content!.Status);

        (await system.Api.DecideInscription(id, InscriptionDecision.Grant(), token)).AssertProblem(HttpStatusCode.Conflict);
        await Step(id, "completion", new { investigationAbroad = false });
        await Step(id, "rapporteur", new { rapporteur = "Dr Anne Moreau" });
        var dossier = (await system.Api.GetInscription(id, token)).Content!;
        Assert.Equal(("Complete", "Dr Anne Moreau"), (dossier.Status, dossier.Rapporteur));
        Assert.Equal(Today.AddMonths(3), dossier.DecisionDueOn);
        Assert.Equal(HttpStatusCode.OK, (await system.Api.DecideInscription(id, InscriptionDecision.Grant(), token)).StatusCode);
    }

    [Fact]
    public async Task A_dossier_under_expertise_waits_for_the_report()
    {
        var (id, _) = await system.RequestedInscription();
        await Step(id, "expertise", new { reason = "Doute sérieux sur l'aptitude" });
        (await system.Api.DecideInscription(id, InscriptionDecision.Grant(), await system.TokenFor("cdom75"))).AssertProblem(HttpStatusCode.Conflict);
        await Step(id, "expertise-report", new { conclusion = "Apte" });
        Assert.Equal(HttpStatusCode.OK, (await system.Api.DecideInscription(id, InscriptionDecision.Grant(), await system.TokenFor("cdom75"))).StatusCode);
    }

    [Fact]
    public async Task A_refusal_reversed_on_appeal_by_the_regional_council_puts_the_doctor_on_the_tableau()
    {
        var (id, doctor) = await system.RequestedInscription();
        var council = await system.TokenFor("cdom75");
        await system.Api.DecideInscription(id, InscriptionDecision.Refuse("Défaut de moralité"), council);
        (await system.Api.ChangeInscription(id, "appeals", new { level = "Regional", appellant = "Applicant" }, await system.TokenFor("cromidf")))
            .AssertProblem(HttpStatusCode.Conflict); // not notified yet: no appeal window
        await Step(id, "notification", new { });

        await Step(id, "appeals", new { level = "Regional", appellant = "Applicant" }, "cromidf");
        (await system.Api.ChangeInscription(id, "appeals/decision", new { level = "Regional", outcome = "Reversed" }, council))
            .AssertProblem(HttpStatusCode.Forbidden);
        var reversed = await Step(id, "appeals/decision", new { level = "Regional", outcome = "Reversed" }, "cromidf");
        Assert.Equal("Granted", reversed.Status);

        Assert.Equal("Registered", (await system.Api.GetRegisterEntry(doctor.Rpps!, council)).Content!.Status);
    }

    [Fact]
    public async Task A_grant_reversed_on_the_national_councils_appeal_takes_the_doctor_off_the_tableau()
    {
        var (id, doctor) = await system.RequestedInscription();
        var council = await system.TokenFor("cdom75");
        await system.Api.DecideInscription(id, InscriptionDecision.Grant(), council);
        await Step(id, "notification", new { });

        (await system.Api.ChangeInscription(id, "appeals", new { level = "Regional", appellant = "Applicant" }, await system.TokenFor("cromidf")))
            .AssertProblem(HttpStatusCode.Conflict); // the applicant cannot contest a grant
        await Step(id, "appeals", new { level = "Regional", appellant = "NationalCouncil" }, "cnom");
        await Step(id, "appeals/decision", new { level = "Regional", outcome = "Confirmed" }, "cromidf");
        await Step(id, "appeals", new { level = "National", appellant = "NationalCouncil" }, "cnom");
        (await system.Api.ChangeInscription(id, "appeals/decision", new { level = "National", outcome = "Reversed" }, await system.TokenFor("cromidf")))
            .AssertProblem(HttpStatusCode.Forbidden);
        await Step(id, "appeals/decision", new { level = "National", outcome = "Reversed" }, "cnom");

        var entry = (await system.Api.GetRegisterEntry(doctor.Rpps!, council)).Content!;
        Assert.Equal("StruckOff", entry.Status);
    }

    [Fact]
    public async Task Only_the_national_council_withdraws_an_inscription_and_not_while_it_can_still_be_appealed()
    {
        var (id, _) = await system.RequestedInscription();
        await system.Api.DecideInscription(id, InscriptionDecision.Grant(), await system.TokenFor("cdom75"));
        await Step(id, "notification", new { });
        (await system.Api.ChangeInscription(id, "withdrawal", new { reason = "Diplôme falsifié" }, await system.TokenFor("cromidf")))
            .AssertProblem(HttpStatusCode.Forbidden);
        (await system.Api.ChangeInscription(id, "withdrawal", new { reason = "Diplôme falsifié" }, await system.TokenFor("cnom")))
            .AssertProblem(HttpStatusCode.Conflict);
    }

    private async Task<InscriptionDecisionRecorded> Step(Guid id, string step, object body, string account = "cdom75")
    {
        var response = await system.Api.ChangeInscription(id, step, body, await system.TokenFor(account));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {Describe(response)}");
        return response.Content!;
    }
}
