using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Ordre.Client;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;
using Task = System.Threading.Tasks.Task;

namespace Ordre.EndToEnd.Tests;

/// <summary>The directory as FHIR R4, read with the HL7 FhirClient through the gateway, anonymously.</summary>
[Collection(SystemCollection.Name)]
public class FhirDirectoryThroughTheGateway(OrdreSystem system)
{
    private FhirClient Client() => system.FhirClient();

    [Fact]
    public async Task A_registered_doctor_is_a_practitioner_with_the_rpps_and_idnps_identifiers()
    {
        var doctor = await system.GrantedInscription();
        var client = Client();

        var bundle = await Eventually.Until(
            () => client.SearchAsync<Practitioner>([$"identifier={FhirSystem}|{doctor.Rpps}"])!,
            b => b?.Entry.Count == 1, what: "practitioner by identifier");
        var practitioner = Assert.IsType<Practitioner>(bundle!.Entry.Single().Resource);
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(doctor.LastName, practitioner.Name.Single().Family);
        Assert.Contains(practitioner.Identifier, i => i.System == FhirSystem && i.Value == doctor.Rpps && i.Type?.Coding[0].Code == "RPPS");
        Assert.Contains(practitioner.Identifier, i => i.Value == "8" + doctor.Rpps && i.Type?.Coding[0].Code == "IDNPS");

        var read = await client.ReadAsync<Practitioner>($"Practitioner/{doctor.Rpps}");
        Assert.Equal(doctor.FirstName, read!.Name.Single().Given.Single());
        var role = await client.ReadAsync<PractitionerRole>($"PractitionerRole/role-{doctor.Rpps}");
        Assert.Equal($"Practitioner/{doctor.Rpps}", role!.Practitioner?.Reference);
    }

    [Fact]
    public async Task Searching_by_family_pages_with_next_links_that_the_client_follows()
    {
        var token = await system.TokenFor("cdom75");
        var family = "Fhirpage" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
        {
            var created = await system.Api.RequestInscription(NewDoctor("75") with { LastName = family }, token);
            await system.Api.DecideInscription(created.Content!.Id, InscriptionDecision.Grant(), token);
        }
        var client = Client();

        var first = await Eventually.Until(() => client.SearchAsync<Practitioner>([$"family={family.ToUpperInvariant()}", "_count=2"])!,
            b => b?.Total == 3, what: "three practitioners indexed");
        Assert.Equal(2, first!.Entry.Count);
        var next = await client.ContinueAsync(first);
        Assert.Single(next!.Entry);
        Assert.StartsWith(system.Gateway.Url.ToString().TrimEnd('/') + "/tableau/fhir/", first.NextLink?.ToString());
    }

    [Fact]
    public async Task Hidden_doctors_are_not_found_and_errors_are_operation_outcomes()
    {
        var doctor = await system.GrantedInscription();
        await system.Change(doctor, "suspensions", new { source = "Health", until = Today.AddMonths(2) }, "cromidf");
        var client = Client();

        await Eventually.Until(async () =>
        {
            try { await client.ReadAsync<Practitioner>($"Practitioner/{doctor.Rpps}"); return HttpStatusCode.OK; }
            catch (FhirOperationException e) { return e.Status; }
        }, status => status == HttpStatusCode.NotFound, what: "suspended doctor hidden from FHIR");

        var tooBroad = await Assert.ThrowsAsync<FhirOperationException>(() => client.SearchAsync<Practitioner>(["_count=10"]));
        Assert.Equal((HttpStatusCode)422, tooBroad.Status);
        Assert.NotEmpty(tooBroad.Outcome?.Issue ?? []);
        var badCount = await Assert.ThrowsAsync<FhirOperationException>(() => client.SearchAsync<Practitioner>(["family=martin", "_count=500"]));
        Assert.Equal(HttpStatusCode.BadRequest, badCount.Status);
    }

    [Theory]
    [InlineData("family=martin&_page=2147483647")]
    [InlineData("family=martin&_page=99999999999999999999")]
    [InlineData("family=martin&_page=10001")]
    [InlineData("family=martin&_count=2147483647")]
    [InlineData("family=martin&_count=99999999999999999999")]
    [InlineData("family=martin&_count=-1")]
    [InlineData("family=mar%00tin")]
    [InlineData("name=%01")]
    public async Task Out_of_bounds_paging_and_control_characters_are_refused_with_an_operation_outcome(string query)
    {
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        foreach (var type in new[] { "Practitioner", "PractitionerRole" })
        {
            var response = await anonymous.GetAsync($"/tableau/fhir/{type}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
            using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("OperationOutcome", body.RootElement.GetProperty("resourceType").GetString());
        }
    }

    [Fact]
    public async Task A_retired_doctor_is_not_a_public_practitioner()
    {
        var doctor = await system.GrantedInscription();
        await system.VisibleInDirectory(doctor, true);
        await system.Change(doctor, "activity", new { activity = "Retired" });
        var client = Client();

        await Eventually.Until(() => client.SearchAsync<Practitioner>([$"identifier={doctor.Rpps}"])!,
            b => b?.Total == 0, what: "retired doctor out of the public FHIR search");
        Assert.Equal(0, (await client.SearchAsync<Practitioner>([$"family={doctor.LastName}", $"given={doctor.FirstName}"]))!.Entry.Count(e => e.Resource?.Id == doctor.Rpps));
    }

    [Fact]
    public async Task The_capability_statement_lists_practitioner_searches()
    {
        var capabilities = await Client().CapabilityStatementAsync();
        var practitioner = capabilities!.Rest.Single().Resource.Single(r => r.Type == "Practitioner");
        Assert.Contains(practitioner.SearchParam, p => p.Name == "identifier");
        Assert.Contains(practitioner.SearchParam, p => p.Name == "_count");
        Assert.Contains(practitioner.SearchParam, p => p.Name == "_page");
    }

}
