using System.Net;
using Ordre.Client;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>The register entry (DOMAIN.md §2.3) and what the directory shows of it (§2.6).</summary>
[Collection(SystemCollection.Name)]
public class RegisterThroughTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task A_granted_inscription_opens_a_register_entry_whose_history_starts_with_the_registration()
    {
        var doctor = await system.GrantedInscription();
        var token = await system.TokenFor("cdom75"); // the doctor's council reads the whole entry and its history

        var entry = await system.Api.GetRegisterEntry(doctor.Rpps!, token);
        Assert.Equal(("Registered", "Regular", "75"), (entry.Content!.Status, entry.Content.Activity, entry.Content.Department));
        var history = await system.Api.GetRegisterHistory(doctor.Rpps!, token);
        Assert.Equal(["registered_on_tableau"], history.Content!.Changes.Select(c => c.Change));

        // Another department's council reads the doctor's standing, not the history (need-to-know).
        var elsewhere = await system.TokenFor("cdom13");
        var standing = await system.Api.GetRegisterEntry(doctor.Rpps!, elsewhere);
        Assert.Equal(("Registered", null, "75"), (standing.Content!.Status, standing.Content.Activity, standing.Content.Department));
        (await system.Api.GetRegisterHistory(doctor.Rpps!, elsewhere)).AssertProblem(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_installed_doctor_shows_with_address_and_a_replacement_doctor_without_it_nor_found_by_its_city()
    {
        var installed = await system.GrantedInscription();
        var replacement = await system.GrantedInscription();
        var city = "Lutèce-" + Guid.NewGuid().ToString("N")[..6];
        foreach (var doctor in new[] { installed, replacement })
            await system.Change(doctor, "address", new { line = "12 rue de la Paix", postalCode = "75002", city, phone = "01 42 00 00 00" });
        await system.Change(replacement, "activity", new { activity = "Replacement" });

        var shownInstalled = await FoundByNameAndCity(installed, city.ToUpperInvariant(), "Installé");
        Assert.Equal("75002", shownInstalled.Address?.PostalCode);
        // The replacement doctor is shown without address, so the directory does not answer "is he in that city?".
        var shownReplacement = await Eventually.Until(() => system.Api.SearchDirectory(replacement.LastName, department: "75", pageSize: 50),
            p => p.Content?.Items.Any(d => d.Rpps == replacement.Rpps && d.Activity == "Remplaçant non installé") == true, what: "replacement doctor by department");
        Assert.Null(shownReplacement.Content!.Items.Single(d => d.Rpps == replacement.Rpps).Address);
        Assert.DoesNotContain((await system.Api.SearchDirectory(replacement.LastName, city: city, pageSize: 50)).Content!.Items, d => d.Rpps == replacement.Rpps);
    }

    [Fact]
    public async Task A_retired_doctor_is_not_found_by_city_even_by_signed_in_doctors()
    {
        var doctor = await system.GrantedInscription();
        var city = "Lutèce-" + Guid.NewGuid().ToString("N")[..6];
        await system.Change(doctor, "address", new { line = "1 place du Marché", postalCode = "75004", city });
        await system.Change(doctor, "activity", new { activity = "Retired" });

        var doctorsToken = await system.TokenFor("docteur");
        await Eventually.Until(() => system.Api.SearchDirectory(doctor.LastName, department: "75", pageSize: 50, token: doctorsToken),
            p => p.Content?.Items.Any(d => d.Rpps == doctor.Rpps && d.Activity == "Retraité") == true, what: "retired doctor by department");
        Assert.DoesNotContain((await system.Api.SearchDirectory(doctor.LastName, city: city, pageSize: 50, token: doctorsToken)).Content!.Items,
            d => d.Rpps == doctor.Rpps);
    }

    [Fact]
    public async Task A_directory_search_with_a_control_character_is_a_bad_request()
    {
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        foreach (var query in new[] { "name=a%00b&department=75", "name=martin&city=par%00is", "name=martin&qualification=%01" })
            Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/tableau/annuaire?{query}")).StatusCode);
    }

    [Fact]
    public async Task Retired_doctors_are_hidden_from_the_public_and_shown_without_address_to_signed_in_doctors()
    {
        var doctor = await system.GrantedInscription();
        await system.Change(doctor, "address", new { line = "1 place du Marché", postalCode = "75004", city = "Paris" });
        await system.Change(doctor, "activity", new { activity = "Retired" });

        var doctorsToken = await system.TokenFor("docteur");
        var asDoctor = await Eventually.Until(() => system.Api.SearchDirectory(null, rpps: doctor.Rpps, token: doctorsToken),
            p => p.Content?.Items.SingleOrDefault()?.Activity == "Retraité", what: "retired doctor seen by a doctor");
        Assert.Null(asDoctor.Content!.Items.Single().Address);
        Assert.Empty((await system.Api.SearchDirectory(null, rpps: doctor.Rpps)).Content!.Items);
    }

    [Fact]
    public async Task A_suspended_doctor_leaves_the_directory_and_comes_back_when_the_suspension_is_lifted()
    {
        var doctor = await system.GrantedInscription();
        await system.VisibleInDirectory(doctor, true);

        var suspended = await system.Change(doctor, "suspensions",
            new { source = "Health", from = Today, until = Today.AddMonths(6) }, "cromidf");
        Assert.Equal("Suspended", suspended.Status);
        await system.VisibleInDirectory(doctor, false);

        await system.Change(doctor, "suspensions/lifting", new { }, "cromidf");
        await system.VisibleInDirectory(doctor, true);
    }

    [Fact]
    public async Task An_emergency_suspension_belongs_to_the_ars_and_lasts_five_months_at_most()
    {
        var doctor = await system.GrantedInscription();
        var tooLong = new { source = "ArsEmergency", from = Today, until = Today.AddMonths(5).AddDays(1) }; // past the last day whatever the day of the month (30/09 + 5 months ends on 28/02)
        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "suspensions", tooLong, await system.TokenFor("arsidf")))
            .AssertProblem(HttpStatusCode.BadRequest);
        var emergency = new { source = "ArsEmergency", from = Today };
        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "suspensions", emergency, await system.TokenFor("cromidf")))
            .AssertProblem(HttpStatusCode.Forbidden);

        Assert.Equal("Suspended", (await system.Change(doctor, "suspensions", emergency, "arsidf")).Status);
    }

    [Fact]
    public async Task A_doctor_in_transfer_is_hidden_until_the_council_of_the_new_department_completes_it()
    {
        var doctor = await system.GrantedInscription();
        await system.Change(doctor, "transfer", new { toDepartment = "13" });
        await system.VisibleInDirectory(doctor, false);

        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "transfer/completion", new { }, await system.TokenFor("cdom75")))
            .AssertProblem(HttpStatusCode.Forbidden);
        var completed = await system.Change(doctor, "transfer/completion", new { }, "cdom13");
        Assert.Equal(("Registered", "13"), (completed.Status, completed.Department));
        await Eventually.Until(() => system.Api.SearchDirectory(null, rpps: doctor.Rpps),
            p => p.Content?.Items.SingleOrDefault()?.Department == "13", what: "doctor listed in department 13");

        // The old department's council no longer manages the entry.
        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "activity", new { activity = "Retired" }, await system.TokenFor("cdom75")))
            .AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_doctor_struck_off_for_ceasing_practice_leaves_the_directory_and_may_be_registered_again()
    {
        var doctor = await system.GrantedInscription();
        await system.Change(doctor, "striking-off", new { reason = "CeasedPractice" });
        await system.VisibleInDirectory(doctor, false);

        var token = await system.TokenFor("cdom75");
        var again = await system.Api.RequestInscription(doctor, token);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        await system.Api.DecideInscription(again.Content!.Id, InscriptionDecision.Grant(), token);

        var history = await system.Api.GetRegisterHistory(doctor.Rpps!, token);
        Assert.Equal(["registered_on_tableau", "practitioner_struck_off", "reregistered"], history.Content!.Changes.Select(c => c.Change));
        await system.VisibleInDirectory(doctor, true);
    }

    [Fact]
    public async Task After_a_death_the_entry_no_longer_changes()
    {
        var doctor = await system.GrantedInscription();
        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "death", new { diedOn = Today.AddDays(1) }, await system.TokenFor("cdom75")))
            .AssertProblem(HttpStatusCode.BadRequest);
        await system.Change(doctor, "death", new { diedOn = Today });

        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "transfer", new { toDepartment = "13" }, await system.TokenFor("cdom75")))
            .AssertProblem(HttpStatusCode.Conflict);
        await system.VisibleInDirectory(doctor, false);
    }

    [Fact]
    public async Task Qualifications_are_recognised_by_the_national_council_and_searchable()
    {
        var doctor = await system.GrantedInscription();
        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "qualifications", new { qualification = "Médecine du sport" }, await system.TokenFor("cdom75")))
            .AssertProblem(HttpStatusCode.Forbidden);
        await system.Change(doctor, "qualifications", new { qualification = "Médecine du sport" }, "cnom");

        var found = await Eventually.Until(() => system.Api.SearchDirectory(doctor.LastName, qualification: "medecine du sport", pageSize: 50),
            p => p.Content?.Items.Any(d => d.Rpps == doctor.Rpps) == true, what: "doctor by qualification");
        Assert.Contains("Médecine du sport", found.Content!.Items.Single(d => d.Rpps == doctor.Rpps).Qualifications);
    }

    [Fact]
    public async Task Only_councils_read_the_register_and_only_the_doctors_council_changes_it()
    {
        var doctor = await system.GrantedInscription();
        (await system.Api.GetRegisterEntry(doctor.Rpps!, null)).AssertProblem(HttpStatusCode.Unauthorized);
        (await system.Api.GetRegisterEntry(doctor.Rpps!, await system.TokenFor("labo-exemple"))).AssertProblem(HttpStatusCode.Forbidden);
        (await system.Api.GetRegisterHistory(doctor.Rpps!, await system.TokenFor("docteur"))).AssertProblem(HttpStatusCode.Forbidden);
        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "activity", new { activity = "Retired" }, await system.TokenFor("cdom13")))
            .AssertProblem(HttpStatusCode.Forbidden);
        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "activity", new { activity = "Retired" }, await system.TokenFor("labo-exemple")))
            .AssertProblem(HttpStatusCode.Forbidden);
        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "activity", new { activity = "Retired" }, null))
            .AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_or_invalid_rpps_and_bad_values_are_4xx_problems()
    {
        var token = await system.TokenFor("cdom75");
        (await system.Api.GetRegisterEntry("10005173141", token)).AssertProblem(HttpStatusCode.BadRequest);
        (await system.Api.GetRegisterEntry(DemoDoctors.Rpps(99_999_999), token)).AssertProblem(HttpStatusCode.NotFound);
        var doctor = await system.GrantedInscription();
        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "activity", new { activity = "Astronaut" }, token)).AssertProblem(HttpStatusCode.BadRequest);
        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "address", new { line = "x", postalCode = "7500", city = "Paris" }, token))
            .AssertProblem(HttpStatusCode.BadRequest);
        (await system.Api.ChangeRegisterEntry(doctor.Rpps!, "transfer", new { toDepartment = "75" }, token)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Single((await system.Api.GetRegisterHistory(doctor.Rpps!, token)).Content!.Changes);
    }

    [Fact]
    public async Task A_search_by_name_alone_is_too_broad_but_an_exact_rpps_is_enough()
    {
        var problem = (await system.Api.SearchDirectory("martin")).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("trop large", problem.GetProperty("detail").GetString());

        var doctor = await system.GrantedInscription();
        await system.VisibleInDirectory(doctor, true);
        (await system.Api.SearchDirectory(null, rpps: "10005173141")).AssertProblem(HttpStatusCode.BadRequest);
    }

    private async Task<PublicDoctor> FoundByNameAndCity(InscriptionRequest doctor, string city, string activity)
    {
        var page = await Eventually.Until(() => system.Api.SearchDirectory(doctor.LastName, city: city, pageSize: 50),
            p => p.Content?.Items.Any(d => d.Rpps == doctor.Rpps && d.Activity == activity) == true, what: $"{doctor.Rpps} in {city}");
        return page.Content!.Items.Single(d => d.Rpps == doctor.Rpps);
    }

}
