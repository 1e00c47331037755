using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>The register as of a past day through the gateway: the lookup (batch) and the entry read accept asOf.</summary>
[Collection(SystemCollection.Name)]
public class RegisterAsOfThroughTheGateway(OrdreSystem system)
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    private static async Task<JsonElement[]> LookUp(HttpClient http, string? asOf, params string[] rpps)
    {
        using var response = await http.PostAsJsonAsync("/tableau/lookup", new { rpps, asOf });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    [Fact]
    public async Task A_suspension_from_next_week_does_not_show_as_of_today_but_does_as_of_its_first_day_once_that_day_has_come()
    {
        var doctor = await system.GrantedInscription();
        var sameDay = await system.GrantedInscription();
        using var idf = await system.HttpClientFor("cromidf");
        using var suspended = await idf.PostAsJsonAsync($"/tableau/register/{sameDay.Rpps}/suspensions",
            new { source = "Health", from = Iso(Today), until = Iso(Today.AddMonths(2)) });
        Assert.True(suspended.StatusCode == HttpStatusCode.OK, await suspended.Content.ReadAsStringAsync());

        using var paris = await system.HttpClientFor("cdom75");
        var yesterday = await LookUp(paris, Iso(Today.AddDays(-1)), doctor.Rpps!, sameDay.Rpps!);
        Assert.All(yesterday, status => Assert.False(status.GetProperty("known").GetBoolean())); // not yet on the Tableau
        var today = await LookUp(paris, Iso(Today), doctor.Rpps!, sameDay.Rpps!);
        Assert.Equal(["Registered", "Suspended"], today.Select(s => s.GetProperty("status").GetString()));
        Assert.All(today, s => Assert.Equal((Iso(Today), Iso(Today)), (s.GetProperty("asOf").GetString(), s.GetProperty("knownOn").GetString())));
    }

    [Fact]
    public async Task The_entry_read_as_of_a_day_says_when_the_register_learnt_it_and_a_day_before_the_registration_finds_nothing()
    {
        var doctor = await system.GrantedInscription();
        using var paris = await system.HttpClientFor("cdom75");
        using var asOfToday = await paris.GetAsync($"/tableau/register/{doctor.Rpps}?asOf={Iso(Today)}");
        Assert.Equal(HttpStatusCode.OK, asOfToday.StatusCode);
        Assert.Equal(Iso(Today), asOfToday.Headers.GetValues("Ordre-Known-On").Single());
        using var before = await paris.GetAsync($"/tableau/register/{doctor.Rpps}?asOf={Iso(Today.AddDays(-1))}");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("12/06/2025")]
    [InlineData("2999-01-01")]
    public async Task An_unreadable_or_future_as_of_date_is_a_bad_request_naming_the_field(string asOf)
    {
        using var paris = await system.HttpClientFor("cdom75");
        using var lookup = await paris.PostAsJsonAsync("/tableau/lookup", new { rpps = new[] { "10005173140" }, asOf });
        Assert.Equal(HttpStatusCode.BadRequest, lookup.StatusCode);
        Assert.Contains("asOf", await lookup.Content.ReadAsStringAsync());
        using var read = await paris.GetAsync($"/tableau/register/10005173140?asOf={Uri.EscapeDataString(asOf)}");
        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
    }
}
