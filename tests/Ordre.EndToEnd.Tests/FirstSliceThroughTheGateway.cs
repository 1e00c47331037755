using System.Net;
using System.Text;
using Ordre.Client;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>The Tableau's first slice, end to end: council → gateway → service → event store → directory.</summary>
[Collection(SystemCollection.Name)]
public class FirstSliceThroughTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task A_council_registers_and_grants_an_inscription_and_the_public_finds_the_doctor_by_name()
    {
        var token = await system.TokenFor("cdom75");
        var request = NewDoctor("75");

        var created = await system.Api.RequestInscription(request, token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dossier = await system.Api.GetInscription(created.Content!.Id, token);
        Assert.Equal("Complete", dossier.Content!.Status);
        Assert.Equal("\"2\"", dossier.Headers?.ETag?.Tag);

        var decided = await system.Api.DecideInscription(created.Content.Id, InscriptionDecision.Grant(), token, "\"2\"");
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("Granted", decided.Content!.Status);

        // Anonymous, accent- and case-insensitive, words in any order.
        var query = $"{DirectoryEntryName(request.FirstName!)} {DirectoryEntryName(request.LastName!)}";
        var found = await Eventually.Until(() => system.Api.SearchDirectory(query, "75", pageSize: 50),
            page => page.Content?.Items.Any(d => d.Rpps == request.Rpps) == true, what: "doctor in the directory");
        var doctor = found.Content!.Items.Single(d => d.Rpps == request.Rpps);
        Assert.Equal((request.LastName, request.FirstName, request.Specialty), (doctor.LastName, doctor.FirstName, doctor.Specialty));
    }

    [Fact]
    public async Task A_refused_inscription_keeps_its_motives_and_never_reaches_the_directory()
    {
        var (id, request) = await system.RequestedInscription();
        var token = await system.TokenFor("cdom75");

        var refused = await system.Api.DecideInscription(id, InscriptionDecision.Refuse("Insuffisance de moralité"), token);
        Assert.Equal("Refused", refused.Content!.Status);
        Assert.Equal(["Insuffisance de moralité"], (await system.Api.GetInscription(id, token)).Content!.RefusalMotives);

        // A grant of another doctor, requested after the refusal, reaches the directory: by then the refusal would have too.
        var later = await system.GrantedInscription();
        await Eventually.Until(() => system.Api.SearchDirectory(later.LastName, "75", pageSize: 50),
            page => page.Content?.Items.Any(d => d.Rpps == later.Rpps) == true);
        var search = await system.Api.SearchDirectory(request.LastName, "75", pageSize: 50);
        Assert.DoesNotContain(search.Content!.Items, d => d.Rpps == request.Rpps);
    }

    [Fact]
    public async Task A_refused_rpps_may_apply_again_but_a_pending_one_may_not()
    {
        var token = await system.TokenFor("cdom75");
        var (id, request) = await system.RequestedInscription();

        (await system.Api.RequestInscription(request, token)).AssertProblem(HttpStatusCode.Conflict);
        await system.Api.DecideInscription(id, InscriptionDecision.Refuse("Dossier incomplet"), token);
        Assert.Equal(HttpStatusCode.Created, (await system.Api.RequestInscription(request, token)).StatusCode);
    }

    [Fact]
    public async Task A_refusal_without_motives_is_a_400_with_the_field_and_changes_nothing()
    {
        var (id, _) = await system.RequestedInscription();
        var token = await system.TokenFor("cdom75");

        var problem = (await system.Api.DecideInscription(id, new InscriptionDecision("Refused", []), token))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("motives", out _));

        var dossier = await system.Api.GetInscription(id, token);
        Assert.Equal("Complete", dossier.Content!.Status);
        Assert.Equal("\"2\"", dossier.Headers?.ETag?.Tag);
    }

    [Fact]
    public async Task Deciding_a_dossier_twice_is_a_409_conflict()
    {
        var (id, _) = await system.RequestedInscription();
        var token = await system.TokenFor("cdom75");
        await system.Api.DecideInscription(id, InscriptionDecision.Grant(), token);

        (await system.Api.DecideInscription(id, InscriptionDecision.Refuse("trop tard"), token)).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_decision_sent_with_a_stale_version_loses_the_race_with_a_409()
    {
        var (id, _) = await system.RequestedInscription();
        var token = await system.TokenFor("cdom75");
        await system.Api.DecideInscription(id, InscriptionDecision.Grant(), token, "\"2\"");

        (await system.Api.DecideInscription(id, InscriptionDecision.Grant(), token, "\"2\"")).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_simultaneous_decisions_on_one_dossier_give_one_success_and_one_conflict()
    {
        var (id, _) = await system.RequestedInscription();
        var token = await system.TokenFor("cdom75");

        var responses = await Task.WhenAll(
            system.Api.DecideInscription(id, InscriptionDecision.Grant(), token, "\"2\""),
            system.Api.DecideInscription(id, InscriptionDecision.Refuse("motif"), token, "\"2\""));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("10005173141", "75", "rpps")]
    [InlineData("1000517314", "75", "rpps")]
    [InlineData("10005173140", "20", "department")]
    [InlineData("10005173140", "975", "department")]
    public async Task An_invalid_rpps_or_department_is_a_400_naming_the_field(string rpps, string department, string field)
    {
        var request = NewDoctor("75") with { Rpps = rpps, Department = department };
        var problem = (await system.Api.RequestInscription(request, await system.TokenFor("cdom75")))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"rpps": 10005173140, "department": 75}""")]
    [InlineData("""{"birthDate": "hier"}""")]
    [InlineData("[]")]
    public async Task Malformed_json_or_wrong_types_get_a_400_problem(string body)
    {
        using var http = new HttpClient { BaseAddress = system.Gateway.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await system.TokenFor("cdom75"));
        var response = await http.PostAsync("/tableau/inscriptions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_oversize_body_is_refused_with_a_413_problem_and_creates_nothing()
    {
        using var http = new HttpClient { BaseAddress = system.Gateway.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await system.TokenFor("cdom75"));
        var request = NewDoctor("75");
        var huge = System.Text.Json.JsonSerializer.Serialize(request with { Specialty = new string('x', 2 * 1024 * 1024) },
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

        var response = await http.PostAsync("/tableau/inscriptions", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, (await system.Api.RequestInscription(request, await system.TokenFor("cdom75"))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_dossier_is_a_404_problem()
    {
        var token = await system.TokenFor("cdom75");
        (await system.Api.GetInscription(Guid.CreateVersion7(), token)).AssertProblem(HttpStatusCode.NotFound);
        (await system.Api.DecideInscription(Guid.CreateVersion7(), InscriptionDecision.Grant(), token)).AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("e")]
    [InlineData(" ")]
    public async Task A_directory_search_needs_at_least_two_letters(string name) =>
        (await system.Api.SearchDirectory(name)).AssertProblem(HttpStatusCode.BadRequest);

    [Fact]
    public async Task Directory_pages_hold_at_most_fifty_doctors() =>
        (await system.Api.SearchDirectory("martin", pageSize: 51)).AssertProblem(HttpStatusCode.BadRequest);

    [Fact]
    public async Task Directory_results_are_paged()
    {
        var token = await system.TokenFor("cdom13");
        var family = "Paginé" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
        {
            var created = await system.Api.RequestInscription(NewDoctor("13") with { LastName = family }, token);
            await system.Api.DecideInscription(created.Content!.Id, InscriptionDecision.Grant(), token);
        }

        var first = await Eventually.Until(() => system.Api.SearchDirectory(family, "13", page: 1, pageSize: 2),
            page => page.Content?.Total == 3, what: "three doctors indexed");
        var second = await system.Api.SearchDirectory(family, "13", page: 2, pageSize: 2);
        Assert.Equal(2, first.Content!.Items.Count);
        Assert.Single(second.Content!.Items);
        Assert.Empty(first.Content.Items.Select(d => d.Rpps).Intersect(second.Content.Items.Select(d => d.Rpps)));
    }

    /// <summary>"Lefèvre" as someone types it without accents, in capitals: "LEFEVRE".</summary>
    private static string DirectoryEntryName(string name) => new(name.ToUpperInvariant().Normalize(NormalizationForm.FormD)
        .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
        .ToArray());
}
