using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// The demo accounts have every regional and departmental role in two places (Île-de-France and
/// Provence-Alpes-Côte d'Azur; Paris and Hauts-de-Seine in one region), so that jurisdiction can be shown.
/// </summary>
[Collection(SystemCollection.Name)]
public class DemoAccountsThroughTheGateway(OrdreSystem system)
{
    [Theory]
    [InlineData("cdom92", "cdom", "department", "92")]
    [InlineData("cdom75", "cdom", "department", "75")]
    [InlineData("crompaca", "crom", "region", "PAC")]
    [InlineData("cromidf", "crom", "region", "IDF")]
    [InlineData("arspaca", "ars", "region", "PAC")]
    [InlineData("arsidf", "ars", "region", "IDF")]
    [InlineData("cdpipaca", "cdpi", "region", "PAC")]
    [InlineData("cdpiidf", "cdpi", "region", "IDF")]
    public async Task Each_demo_account_signs_in_with_its_role_and_its_jurisdiction(string account, string role, string claim, string value)
    {
        var token = await system.TokenFor(account);
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        Assert.Equal(account, claims.RootElement.GetProperty("sub").GetString());
        Assert.Equal(role, claims.RootElement.GetProperty("role").GetString());
        Assert.Equal(value, claims.RootElement.GetProperty(claim).GetString());
    }

    [Fact]
    public async Task The_Hauts_de_Seine_council_registers_its_own_doctors_and_cannot_see_a_Paris_dossier()
    {
        var (ownId, _) = await system.RequestedInscription("cdom92", "92");
        var (parisId, _) = await system.RequestedInscription("cdom75", "75");
        var hautsDeSeine = await system.TokenFor("cdom92");

        Assert.Equal(HttpStatusCode.OK, (await system.Api.GetInscription(ownId, hautsDeSeine)).StatusCode);
        (await system.Api.GetInscription(parisId, hautsDeSeine)).AssertProblem(HttpStatusCode.Forbidden);
        (await system.Api.RequestInscription(NewDoctor("75"), hautsDeSeine)).AssertProblem(HttpStatusCode.Forbidden);
    }
}
