using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Client;
using Ordre.Tableau.Annuaire.Searching;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Testing;

namespace Ordre.Tableau.Tests;

/// <summary>
/// The public directory as it stood at the end of a past day (issue 15 §2), in process on real PostgreSQL: a doctor
/// registered a month ago and suspended ten days ago (a suspension decided today, effective from then) was shown in
/// between, by RPPS and by name, and is shown neither before their registration nor since the suspension.
/// </summary>
public class DirectoryAsOfRules(TableauInProcess tableau) : IClassFixture<TableauInProcess>
{
    private IDocumentStore Store => tableau.Services.GetRequiredService<IDocumentStore>();
    private DateOnly Today => ParisCalendar.Today(tableau.Clock);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_doctor_suspended_with_effect_ten_days_ago_shows_in_the_directory_as_of_the_days_between_registration_and_suspension_only()
    {
        var doctor = new DemoDoctors(Random.Shared.Next()).Next("75", Today);
        var id = PractitionerStream.IdOf(doctor.Rpps!);
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream<Practitioner>(id,
                new RegisteredOnTableau(id, doctor.Rpps!, "75", doctor.LastName!, doctor.FirstName!, doctor.Specialty!, Today.AddDays(-30), Guid.NewGuid()),
                new SuspensionOrdered(id, doctor.Rpps!, Guid.NewGuid(), SuspensionSource.Health, false, Today.AddDays(-10), Today.AddDays(50), "cromidf"));
            await session.SaveChangesAsync();
        }
        await Eventually.Until(async () =>
        {
            await using var query = Store.QuerySession();
            return await query.LoadAsync<DirectoryEntry>(id);
        }, entry => entry?.Visibility == DirectoryVisibility.Hidden, what: "the directory projection has the entry");

        using var http = tableau.CreateClient();
        async Task<bool> Shown(string query)
        {
            var page = await http.GetFromJsonAsync<Ordre.Client.DirectoryPage>($"/annuaire?{query}");
            return page!.Items.Any(d => d.Rpps == doctor.Rpps);
        }
        var byName = $"name={Uri.EscapeDataString(doctor.LastName!)}&department=75";

        Assert.True(await Shown($"rpps={doctor.Rpps}&asOf={Iso(Today.AddDays(-20))}"));
        Assert.True(await Shown($"{byName}&asOf={Iso(Today.AddDays(-20))}"));
        Assert.True(await Shown($"{byName}&asOf={Iso(Today.AddDays(-11))}"));
        Assert.False(await Shown($"{byName}&asOf={Iso(Today.AddDays(-10))}"));
        Assert.False(await Shown($"rpps={doctor.Rpps}&asOf={Iso(Today.AddDays(-31))}"));
        Assert.False(await Shown($"rpps={doctor.Rpps}"));
        Assert.False(await Shown(byName));
        Assert.False(await Shown($"name={Uri.EscapeDataString(doctor.LastName!)}&department=13&asOf={Iso(Today.AddDays(-20))}"));

        // The same in FHIR, with the documented search parameter as-of.
        async Task<int> FhirTotal(string query)
        {
            var bundle = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/fhir/Practitioner?{query}");
            return bundle.TryGetProperty("entry", out var entries) // an empty Bundle has no entry
                ? entries.EnumerateArray().Count(e => e.GetProperty("resource").GetProperty("id").GetString() == doctor.Rpps)
                : 0;
        }
        Assert.Equal(1, await FhirTotal($"identifier={doctor.Rpps}&as-of={Iso(Today.AddDays(-20))}"));
        Assert.Equal(1, await FhirTotal($"family={Uri.EscapeDataString(doctor.LastName!)}&as-of={Iso(Today.AddDays(-20))}"));
        Assert.Equal(0, await FhirTotal($"family={Uri.EscapeDataString(doctor.LastName!)}&as-of={Iso(Today.AddDays(-5))}"));
        Assert.Equal(0, await FhirTotal($"identifier={doctor.Rpps}"));
    }

    [Fact]
    public async Task A_date_in_the_future_or_not_a_date_is_a_bad_request()
    {
        using var http = tableau.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.GetAsync($"/annuaire?name=martin&department=75&asOf={Iso(Today.AddDays(1))}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.GetAsync("/annuaire?name=martin&department=75&asOf=01/03/2024")).StatusCode);
    }
}
