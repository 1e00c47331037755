using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// Jurisdiction of the regional bodies, the need-to-know on health reasons, and the audit trail of every read of a
/// personal record and every refused access (issue: security of what exists).
/// </summary>
[Collection(SystemCollection.Name)]
public class NeedToKnowAndAuditThroughTheGateway(OrdreSystem system)
{
    private static async Task<(HttpStatusCode Status, string Body)> Send(HttpClient http, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> SuspendedForHealthInMarseille()
    {
        var doctor = await system.GrantedInscription("cdom13", "13");
        using var paca = await system.HttpClientFor("crompaca");
        var (status, body) = await Send(paca, HttpMethod.Post, $"/tableau/register/{doctor.Rpps}/suspensions",
            new { source = "Health", until = Today.AddMonths(3) });
        Assert.True(status == HttpStatusCode.OK, body);
        return doctor.Rpps!;
    }

    [Fact]
    public async Task A_regional_council_or_health_agency_of_another_region_cannot_suspend_a_doctor()
    {
        var marseille = await system.GrantedInscription("cdom13", "13");
        foreach (var (account, source) in new[] { ("cromidf", "Health"), ("arsidf", "ArsEmergency") })
        {
            using var idf = await system.HttpClientFor(account);
            var (status, body) = await Send(idf, HttpMethod.Post, $"/tableau/register/{marseille.Rpps}/suspensions", new { source, until = Today.AddMonths(1) });
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("hors-ressort", body);
        }
        using var paca = await system.HttpClientFor("arspaca");
        Assert.Equal(HttpStatusCode.OK, (await Send(paca, HttpMethod.Post, $"/tableau/register/{marseille.Rpps}/suspensions", new { source = "ArsEmergency" })).Status);
    }

    [Fact]
    public async Task A_regional_council_hears_only_the_inscription_appeals_of_its_region()
    {
        var (id, _) = await system.RequestedInscription("cdom13", "13");
        using var marseille = await system.HttpClientFor("cdom13");
        Assert.Equal(HttpStatusCode.OK, (await Send(marseille, HttpMethod.Post, $"/tableau/inscriptions/{id}/decision",
            new { outcome = "Refused", motives = new[] { "Diplôme non reconnu" } })).Status);
        using var idf = await system.HttpClientFor("cromidf");
        // Even an invalid body is refused for jurisdiction first: 403, not 400.
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(idf, HttpMethod.Post, $"/tableau/inscriptions/{id}/appeals", new { })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(idf, HttpMethod.Get, $"/tableau/inscriptions/{id}")).Status);
        using var paca = await system.HttpClientFor("crompaca");
        Assert.Equal(HttpStatusCode.OK, (await Send(paca, HttpMethod.Get, $"/tableau/inscriptions/{id}")).Status);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"activity\": \"Astronaut\"}")]
    [InlineData("{\"line\": \"OVERLONG\"}")]
    public async Task A_council_of_another_department_is_refused_before_its_body_is_read(string body)
    {
        var paris = await system.GrantedInscription();
        var (dossier, _) = await system.RequestedInscription();
        using var marseille = await system.HttpClientFor("cdom13");
        body = body.Replace("OVERLONG", new string('x', 5_000));
        foreach (var path in new[] { $"/tableau/register/{paris.Rpps}/activity", $"/tableau/register/{paris.Rpps}/address", $"/tableau/inscriptions/{dossier}/decision" })
        {
            using var response = await marseille.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode} {text}");
            Assert.Contains("hors-ressort", text);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_new_dossier_or_complaint_of_another_department_is_refused_before_the_rest_of_its_body_is_validated()
    {
        var paris = await system.GrantedInscription();
        using var marseille = await system.HttpClientFor("cdom13");
        var overlong = new string('x', 5_000);
        foreach (var (path, body) in new (string, object)[]
        {
            ("/tableau/inscriptions", new { rpps = "10005173140", department = "75", lastName = overlong }),
            ("/tableau/special-lists/junior-doctors", new { rpps = "10005173140", department = "75", lastName = overlong }),
            ("/discipline/complaints", new { rpps = paris.Rpps, complainant = new { kind = "Patient", name = overlong }, grounds = new[] { overlong } }),
        })
        {
            using var response = await marseille.PostAsJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode} {text}");
            Assert.Contains("hors-ressort", text);
        }
        // The council of the department gets its field errors.
        using var parisCouncil = await system.HttpClientFor("cdom75");
        Assert.Equal(HttpStatusCode.BadRequest, (await parisCouncil.PostAsJsonAsync("/tableau/inscriptions",
            new { rpps = "10005173140", department = "75", lastName = overlong })).StatusCode);
    }

    [Fact]
    public async Task Only_the_doctors_own_councils_and_the_national_bodies_learn_that_a_suspension_is_for_health()
    {
        var rpps = await SuspendedForHealthInMarseille();
        foreach (var account in new[] { "cdom13", "crompaca", "cnom", "cdn" })
        {
            using var entitled = await system.HttpClientFor(account);
            var lookup = await Send(entitled, HttpMethod.Post, "/tableau/lookup", new { rpps = new[] { rpps } });
            Assert.Contains("suspension:Health", lookup.Body);
            var entry = await Send(entitled, HttpMethod.Get, $"/tableau/register/{rpps}");
            Assert.Contains("Health", entry.Body);
            Assert.Equal(HttpStatusCode.OK, (await Send(entitled, HttpMethod.Get, $"/tableau/register/{rpps}/history")).Status);
        }
        foreach (var account in new[] { "cdom75", "cdom92", "cromidf", "cdpipaca" })
        {
            using var other = await system.HttpClientFor(account);
            var lookup = await Send(other, HttpMethod.Post, "/tableau/lookup", new { rpps = new[] { rpps } });
            Assert.Equal(HttpStatusCode.OK, lookup.Status);
            var status = JsonDocument.Parse(lookup.Body).RootElement[0];
            Assert.False(status.GetProperty("mayPractise").GetBoolean());
            Assert.Equal(["suspension"], status.GetProperty("restrictions").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(Today.ToString("yyyy-MM-dd"), status.GetProperty("notAllowedFrom").GetString());
            Assert.DoesNotContain("Health", lookup.Body);

            var entry = await Send(other, HttpMethod.Get, $"/tableau/register/{rpps}");
            Assert.Equal(HttpStatusCode.OK, entry.Status);
            Assert.DoesNotContain("Health", entry.Body);
            Assert.Contains("\"mayPractise\":false", entry.Body);
            Assert.Equal(HttpStatusCode.Forbidden, (await Send(other, HttpMethod.Get, $"/tableau/register/{rpps}/history")).Status);
        }
    }

    [Fact]
    public async Task Every_read_of_a_record_and_every_refusal_is_in_the_audit_trail_that_the_national_council_queries()
    {
        var rpps = await SuspendedForHealthInMarseille();
        using var marseille = await system.HttpClientFor("cdom13");
        using var paris = await system.HttpClientFor("cdom75");
        using var cnom = await system.HttpClientFor("cnom");
        await Send(marseille, HttpMethod.Get, $"/tableau/register/{rpps}");
        await Send(paris, HttpMethod.Get, $"/tableau/register/{rpps}/history"); // refused: need-to-know
        await Send(paris, HttpMethod.Post, "/tableau/lookup", new { rpps = new[] { rpps, "10005173140" } });

        var (status, body) = await Send(cnom, HttpMethod.Get, $"/tableau/audit?record={rpps}&pageSize=50");
        Assert.True(status == HttpStatusCode.OK, body);
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("actor").GetString() == "cdom13" && i.GetProperty("action").GetString() == "GetRegisterEntry"
            && i.GetProperty("outcome").GetString() == "autorisé");
        Assert.Contains(items, i => i.GetProperty("actor").GetString() == "cdom75" && i.GetProperty("action").GetString() == "GetRegisterHistory"
            && i.GetProperty("outcome").GetString() == "refusé" && i.GetProperty("status").GetInt32() == 403);
        Assert.Contains(items, i => i.GetProperty("actor").GetString() == "cdom75" && i.GetProperty("recordKind").GetString() == "lookup");

        // A refusal by the route's policy is recorded too, and the filters work.
        using var company = await system.HttpClientFor("labo-exemple");
        await Send(company, HttpMethod.Get, $"/tableau/register/{rpps}"); // the gateway refuses: the service never sees it…
        await new HttpClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(system.Tableau.Url, $"/register/{rpps}"))
        { Headers = { Authorization = new("Bearer", await system.TokenFor("labo-exemple")) } }); // …around the gateway, it does
        var refused = await Send(cnom, HttpMethod.Get, "/tableau/audit?actor=labo-exemple&outcome=refusé");
        Assert.Contains(JsonDocument.Parse(refused.Body).RootElement.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("records").EnumerateArray().Any(r => r.GetString() == rpps));

        // Only the national council reads the trail.
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(paris, HttpMethod.Get, "/tableau/audit")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(cnom, HttpMethod.Get, "/tableau/audit?outcome=peut-être")).Status);
    }

    [Fact]
    public async Task The_audit_trail_cannot_be_changed_or_deleted_even_with_database_access()
    {
        using var cnom = await system.HttpClientFor("cnom");
        Assert.Equal(HttpStatusCode.OK, (await Send(cnom, HttpMethod.Post, "/tableau/lookup", new { rpps = new[] { "10005173140" } })).Status);
        await using var connection = new NpgsqlConnection(system.TableauDatabase.ConnectionString("audit-tamper", 1));
        await connection.OpenAsync();
        foreach (var sql in new[] { "update tableau.audit_trail set actor = 'personne'", "delete from tableau.audit_trail", "truncate tableau.audit_trail" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("ajout seul", refused.MessageText);
        }
    }
}
