using System.Net;
using System.Net.Http.Headers;
using Ordre.Client;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>Every route refuses the wrong caller, at the gateway and again at the service.</summary>
[Collection(SystemCollection.Name)]
public class SecurityThroughTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task Without_a_token_every_council_route_is_a_401_problem()
    {
        var (id, _) = await system.RequestedInscription();
        (await system.Api.RequestInscription(NewDoctor("75"), null)).AssertProblem(HttpStatusCode.Unauthorized);
        (await system.Api.GetInscription(id, null)).AssertProblem(HttpStatusCode.Unauthorized);
        (await system.Api.DecideInscription(id, InscriptionDecision.Grant(), null)).AssertProblem(HttpStatusCode.Unauthorized);
        (await system.Api.GetRegistrationFigures(null)).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_token_is_a_401_problem()
    {
        var token = await system.TokenFor("cdom75");
        var forged = token[..^4] + (token.EndsWith("AAAA") ? "BBBB" : "AAAA");
        (await system.Api.RequestInscription(NewDoctor("75"), forged)).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("cnom")]
    [InlineData("cromidf")]
    [InlineData("cdn")]
    [InlineData("labo-exemple")]
    [InlineData("arsidf")]
    public async Task Only_departmental_councils_register_and_decide_inscriptions(string account)
    {
        var (id, _) = await system.RequestedInscription();
        var token = await system.TokenFor(account);
        (await system.Api.RequestInscription(NewDoctor("75"), token)).AssertProblem(HttpStatusCode.Forbidden);
        (await system.Api.DecideInscription(id, InscriptionDecision.Grant(), token)).AssertProblem(HttpStatusCode.Forbidden);
        (await system.Api.ChangeInscription(id, "completion", new { }, token)).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("cdn", false)]
    [InlineData("labo-exemple", false)]
    [InlineData("docteur", false)]
    [InlineData("cromidf", true)]
    [InlineData("cnom", true)]
    public async Task Regional_and_national_councils_read_dossiers_they_may_hear_on_appeal(string account, bool allowed)
    {
        var (id, _) = await system.RequestedInscription();
        var response = await system.Api.GetInscription(id, await system.TokenFor(account));
        if (allowed) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_departments_council_can_neither_read_nor_decide_the_dossier()
    {
        var (id, _) = await system.RequestedInscription("cdom75", "75");
        var marseille = await system.TokenFor("cdom13");

        (await system.Api.GetInscription(id, marseille)).AssertProblem(HttpStatusCode.Forbidden);
        (await system.Api.DecideInscription(id, InscriptionDecision.Grant(), marseille)).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("Complete", (await system.Api.GetInscription(id, await system.TokenFor("cdom75"))).Content!.Status);
    }

    [Fact]
    public async Task A_council_cannot_register_a_doctor_of_another_department()
    {
        var response = await system.Api.RequestInscription(NewDoctor("13"), await system.TokenFor("cdom75"));
        response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("cdom75")]
    [InlineData("labo-exemple")]
    [InlineData("cdn")]
    public async Task Only_the_national_council_reads_the_dashboard_figures(string account) =>
        (await system.Api.GetRegistrationFigures(await system.TokenFor(account))).AssertProblem(HttpStatusCode.Forbidden);

    [Fact]
    public async Task A_wrong_password_gets_no_token()
    {
        var response = await system.Api.Token(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = OrdreClient.DemoClientId, ["username"] = "cnom", ["password"] = "faux",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_service_checks_the_policy_again_when_called_around_the_gateway()
    {
        using var direct = new HttpClient { BaseAddress = system.Tableau.Url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync($"/inscriptions/{Guid.CreateVersion7()}")).StatusCode);

        direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.TokenFor("labo-exemple"));
        var refused = await direct.GetAsync($"/inscriptions/{Guid.CreateVersion7()}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_service_token_from_client_credentials_is_not_a_council()
    {
        var response = await system.Api.Token(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "ordre-services", ["client_secret"] = "ordre-services-dev-secret",
        });
        Assert.True(response.IsSuccessStatusCode, Describe(response));
        (await system.Api.RequestInscription(NewDoctor("75"), response.Content!.AccessToken)).AssertProblem(HttpStatusCode.Forbidden);
    }
}
