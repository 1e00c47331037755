using System.Net;
using System.Net.Http.Json;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public class SpecialListsThroughTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task A_departmental_council_registers_its_junior_doctors_once_and_they_stay_out_of_the_directory()
    {
        var doctor = NewDoctor("75");
        var junior = new { doctor.Rpps, doctor.LastName, doctor.FirstName, department = "75", specialty = "Pédiatrie", from = Today, until = Today.AddYears(1) };
        using var paris = await system.HttpClientFor("cdom75");
        using var marseille = await system.HttpClientFor("cdom13");

        Assert.Equal(HttpStatusCode.Forbidden, (await marseille.PostAsJsonAsync("/tableau/special-lists/junior-doctors", junior)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await paris.PostAsJsonAsync("/tableau/special-lists/junior-doctors", junior with { until = Today })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await paris.PostAsJsonAsync("/tableau/special-lists/junior-doctors", junior)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await paris.PostAsJsonAsync("/tableau/special-lists/junior-doctors", junior)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await paris.GetAsync($"/tableau/special-lists/JuniorDoctors/{doctor.Rpps}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marseille.GetAsync($"/tableau/special-lists/JuniorDoctors/{doctor.Rpps}")).StatusCode);
        Assert.Empty((await system.Api.SearchDirectory(null, rpps: doctor.Rpps)).Content!.Items);
    }

    [Fact]
    public async Task Only_the_national_council_keeps_the_list_of_doctors_practising_abroad()
    {
        var doctor = NewDoctor("75");
        var abroad = new { doctor.Rpps, doctor.LastName, doctor.FirstName, country = "CA" };
        using var cnom = await system.HttpClientFor("cnom");
        using var cdom = await system.HttpClientFor("cdom75");

        Assert.Equal(HttpStatusCode.Forbidden, (await cdom.PostAsJsonAsync("/tableau/special-lists/abroad", abroad)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cnom.PostAsJsonAsync("/tableau/special-lists/abroad", abroad with { country = "FR" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await cnom.PostAsJsonAsync("/tableau/special-lists/abroad", abroad)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cnom.GetAsync($"/tableau/special-lists/JuniorDoctors/{doctor.Rpps}")).StatusCode);
    }
}
