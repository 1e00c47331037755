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
        Assert.Equal(3, next.Total);
        // A page past the last is empty and still says how many match.
        var beyond = await client.SearchAsync<Practitioner>([$"family={family}", "_count=2", "_page=5"]);
        Assert.Equal((0, 3), (beyond!.Entry.Count, beyond.Total));
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
        Assert.Contains(practitioner.SearchParam, p => p.Name == "_lastUpdated" && p.Type == SearchParamType.Date);
        Assert.Contains("PractitionerRole:practitioner", practitioner.SearchRevInclude);
        var role = capabilities.Rest.Single().Resource.Single(r => r.Type == "PractitionerRole");
        Assert.Contains(role.SearchParam, p => p.Name == "practitioner" && p.Type == SearchParamType.Reference);
        Assert.Contains("PractitionerRole:practitioner", role.SearchInclude);
    }

    /// <summary>Three doctors whose names share a stem unique to the run: Stem, Adam-Stem and André-Stemez (FHIR's string search cases).</summary>
    private async Task<(string Stem, InscriptionRequest Exact, InscriptionRequest Compound, InscriptionRequest Longer)> Martins()
    {
        var stem = "Martin" + new string([.. Guid.NewGuid().ToString("N")[..5].Select(ch => (char)('a' + ch % 26))]);
        var token = await system.TokenFor("cdom75");
        async Task<InscriptionRequest> Granted(string lastName)
        {
            var request = NewDoctor("75") with { LastName = lastName };
            var created = await system.Api.RequestInscription(request, token);
            Assert.True(created.StatusCode == HttpStatusCode.Created, Describe(created));
            await system.Api.DecideInscription(created.Content!.Id, InscriptionDecision.Grant(), token);
            return request;
        }
        return (stem, await Granted(stem), await Granted("Adam-" + stem), await Granted("André-" + stem + "ez"));
    }

    private static string[] Ids(Bundle? bundle, Bundle.SearchEntryMode mode = Bundle.SearchEntryMode.Match) =>
        [.. bundle!.Entry.Where(e => e.Search?.Mode == mode).Select(e => e.Resource?.Id ?? "").Order()];

    [Fact]
    public async Task Family_is_a_starts_with_search_contains_and_exact_are_modifiers()
    {
        var (stem, exact, compound, longer) = await Martins();
        var client = Client();

        var contains = await Eventually.Until(() => client.SearchAsync<Practitioner>([$"family:contains={stem.ToLowerInvariant()}"])!,
            b => b?.Total == 3, what: "three practitioners containing the stem");
        Assert.Equal(new[] { exact.Rpps, compound.Rpps, longer.Rpps }.Order(), Ids(contains));

        var startsWith = await client.SearchAsync<Practitioner>([$"family={stem}"]);
        Assert.Equal([exact.Rpps!], Ids(startsWith));
        Assert.Equal(1, startsWith!.Total);
        var folded = await client.SearchAsync<Practitioner>([$"family={("andre-" + stem).ToUpperInvariant()}"]);
        Assert.Equal([longer.Rpps!], Ids(folded));

        Assert.Equal([exact.Rpps!], Ids(await client.SearchAsync<Practitioner>([$"family:exact={stem}"])));
        Assert.Empty(Ids(await client.SearchAsync<Practitioner>([$"family:exact={stem.ToLowerInvariant()}"])));
        Assert.Equal([longer.Rpps!], Ids(await client.SearchAsync<Practitioner>([$"family:exact=André-{stem}ez"])));

        // given, name (any part starts with), identifier system|value, _id, _lastUpdated
        Assert.Contains(exact.Rpps, Ids(await client.SearchAsync<Practitioner>([$"family={stem}", $"given={exact.FirstName![..2]}"])));
        Assert.Empty(Ids(await client.SearchAsync<Practitioner>([$"family={stem}", "given=zzzz"])));
        Assert.Contains(exact.Rpps, Ids(await client.SearchAsync<Practitioner>([$"name:contains={stem}", $"name={exact.FirstName}"])));
        Assert.Contains(exact.Rpps, Ids(await client.SearchAsync<Practitioner>([$"name={stem}", $"name={exact.FirstName}"])));
        Assert.Equal([compound.Rpps!], Ids(await client.SearchAsync<Practitioner>([$"name=adam-{stem}"])));
        Assert.Equal([exact.Rpps!], Ids(await client.SearchAsync<Practitioner>([$"identifier={FhirSystem}|{exact.Rpps}"])));
        Assert.Equal([exact.Rpps!], Ids(await client.SearchAsync<Practitioner>([$"identifier=urn:oid:1.2.250.1.71.4.2.1|8{exact.Rpps}"])));
        Assert.Equal(new[] { exact.Rpps, compound.Rpps }.Order(), Ids(await client.SearchAsync<Practitioner>([$"_id={exact.Rpps},{compound.Rpps}"])));
        Assert.Equal(3, (await client.SearchAsync<Practitioner>([$"family:contains={stem}", $"_lastUpdated=ge{DateTime.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ss}Z"]))!.Total);
        Assert.Equal(0, (await client.SearchAsync<Practitioner>([$"family:contains={stem}", $"_lastUpdated=lt{DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}"]))!.Total);
        var read = await client.ReadAsync<Practitioner>($"Practitioner/{exact.Rpps}");
        Assert.NotNull(read!.Meta?.LastUpdated);
    }

    [Fact]
    public async Task Roles_are_found_by_practitioner_and_include_it_practitioners_revinclude_their_roles()
    {
        var (stem, exact, compound, _) = await Martins();
        var client = Client();
        var role = await Eventually.Until(() => client.SearchAsync<PractitionerRole>([$"practitioner=Practitioner/{exact.Rpps}"])!,
            b => b?.Total == 1, what: "role by practitioner reference");
        Assert.Equal($"Practitioner/{exact.Rpps}", Assert.IsType<PractitionerRole>(role!.Entry.Single().Resource).Practitioner?.Reference);
        Assert.Equal(1, (await client.SearchAsync<PractitionerRole>([$"practitioner={exact.Rpps}"]))!.Total);

        // Both doctors are projected asynchronously: wait for the second one too.
        var included = await Eventually.Until(() => client.SearchAsync<PractitionerRole>([$"practitioner={exact.Rpps},{compound.Rpps}", "_include=PractitionerRole:practitioner"])!,
            b => b?.Total == 2, what: "both roles by practitioner");
        Assert.Equal(2, included!.Total);
        Assert.Equal(new[] { "role-" + exact.Rpps, "role-" + compound.Rpps }.Order(), Ids(included));
        Assert.Equal(new[] { exact.Rpps, compound.Rpps }.Order(), Ids(included, Bundle.SearchEntryMode.Include));
        Assert.All(included.Entry.Where(e => e.Search?.Mode == Bundle.SearchEntryMode.Include), e => Assert.IsType<Practitioner>(e.Resource));

        var revincluded = await client.SearchAsync<Practitioner>([$"family={stem}", "_revinclude=PractitionerRole:practitioner"]);
        Assert.Equal(1, revincluded!.Total);
        Assert.Equal([exact.Rpps!], Ids(revincluded));
        Assert.Equal(["role-" + exact.Rpps], Ids(revincluded, Bundle.SearchEntryMode.Include));

        // Hidden: a suspended doctor is neither found nor included.
        await system.Change(exact, "suspensions", new { source = "Health", until = Today.AddMonths(2) }, "cromidf");
        await Eventually.Until(() => client.SearchAsync<PractitionerRole>([$"practitioner={exact.Rpps},{compound.Rpps}", "_include=PractitionerRole:practitioner"])!,
            b => b?.Total == 1, what: "suspended doctor's role gone");
        var after = await client.SearchAsync<PractitionerRole>([$"practitioner={exact.Rpps},{compound.Rpps}", "_include=PractitionerRole:practitioner"]);
        Assert.DoesNotContain(after!.Entry, e => e.Resource?.Id?.EndsWith(exact.Rpps!) == true);
        var revAfter = await client.SearchAsync<Practitioner>([$"family:contains={stem}", "_revinclude=PractitionerRole:practitioner"]);
        Assert.Equal(2, revAfter!.Total);
        Assert.DoesNotContain("role-" + exact.Rpps, Ids(revAfter, Bundle.SearchEntryMode.Include));
        Assert.DoesNotContain(exact.Rpps, Ids(revAfter));
    }

    [Fact]
    public async Task Unknown_parameters_are_ignored_unless_handling_is_strict_and_unknown_modifiers_are_refused()
    {
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        var lenient = await anonymous.GetAsync("/tableau/fhir/Practitioner?family=martin&birthdate=1970");
        Assert.Equal(HttpStatusCode.OK, lenient.StatusCode);

        using var strict = new HttpRequestMessage(HttpMethod.Get, "/tableau/fhir/Practitioner?family=martin&birthdate=1970");
        strict.Headers.Add("Prefer", "handling=strict");
        var refused = await anonymous.SendAsync(strict);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("OperationOutcome", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/tableau/fhir/Practitioner?family:text=martin")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/tableau/fhir/Practitioner?family=martin&_lastUpdated=9999")).StatusCode);

        // Values that name no one match nothing: an empty searchset, as R4 token searches answer.
        var client = Client();
        Assert.Equal(0, (await client.SearchAsync<Practitioner>(["_id=role-10005173140"]))!.Total);
        Assert.Equal(0, (await client.SearchAsync<Practitioner>(["identifier=urn:example|10005173140"]))!.Total);
        Assert.Equal(0, (await client.SearchAsync<PractitionerRole>(["practitioner=Organization/1"]))!.Total);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/tableau/fhir/Practitioner?family=martin&_lastUpdated=ap2026")).StatusCode);
    }
}
