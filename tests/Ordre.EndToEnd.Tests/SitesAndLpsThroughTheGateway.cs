using System.Net;
using System.Net.Http.Json;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public class SitesAndLpsThroughTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task A_council_records_a_distinct_site_and_may_oppose_it()
    {
        var doctor = await system.GrantedInscription();
        var site = new { line = "8 place du Marché", postalCode = "75020", city = "Paris", opensOn = Today.AddMonths(3) };
        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "sites", site, await system.TokenFor("cdom13"))).AssertProblem(HttpStatusCode.Forbidden);
        await system.Change(doctor, "sites", site);

        using var http = await system.HttpClientFor("cdom75");
        var entry = await http.GetFromJsonAsync<EntryWithSites>($"/tableau/register/{doctor.Rpps}");
        var siteId = entry!.Sites.Single().SiteId;
        await system.Change(doctor, $"sites/{siteId}/opposition", new { reason = "Offre de soins suffisante dans ce quartier" });
        Assert.True((await http.GetFromJsonAsync<EntryWithSites>($"/tableau/register/{doctor.Rpps}"))!.Sites.Single().Opposed);
    }

    [Fact]
    public async Task The_national_council_keeps_the_free_provision_declarations()
    {
        var declaration = new { lastName = "Rossi", firstName = "Marco", country = "IT", qualification = "Medico chirurgo" };
        using var cnom = await system.HttpClientFor("cnom");
        using var cdom = await system.HttpClientFor("cdom75");

        Assert.Equal(HttpStatusCode.Forbidden, (await cdom.PostAsJsonAsync("/tableau/lps-declarations", declaration)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cnom.PostAsJsonAsync("/tableau/lps-declarations", declaration with { country = "US" })).StatusCode);

        var created = await cnom.PostAsJsonAsync("/tableau/lps-declarations", declaration);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<Created>())!.Id;
        var registered = await cnom.PostAsync($"/tableau/lps-declarations/{id}/registration", null);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await cnom.PostAsync($"/tableau/lps-declarations/{id}/registration", null)).StatusCode);
        var read = await cnom.GetFromJsonAsync<Declaration>($"/tableau/lps-declarations/{id}");
        Assert.Equal(("Registered", Today.AddYears(1).AddDays(-1)), (read!.Status, read.ValidUntil));
    }

    private sealed record SiteView(Guid SiteId, bool Opposed);
    private sealed record EntryWithSites(IReadOnlyList<SiteView> Sites);
    private sealed record Created(Guid Id);
    private sealed record Declaration(string Status, DateOnly? ValidUntil);
}
