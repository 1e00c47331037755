using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>The public case-law base: pseudonymised sheets of national chamber decisions, searched anonymously.</summary>
[Collection(SystemCollection.Name)]
public class CaseLawThroughTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task Sheets_of_a_national_decision_are_published_pseudonymised_and_found_anonymously_by_text_sanction_and_date()
    {
        var doctor = await system.GrantedInscription();
        var complainant = $"Mme Bérénice Quintal{Random.Shared.Next(1000, 9999)}";
        var caseId = await system.FinalBan(doctor, banMonths: 3, complainant);
        using var national = await system.HttpClientFor("cdn");
        var marker = $"marqueur{Guid.NewGuid().ToString("N")[..16]}";

        var sheets = new[]
        {
            new
            {
                title = $"Certificats de complaisance délivrés par le Dr {doctor.LastName} ({marker})",
                summary = $"Le Dr {doctor.FirstName} {doctor.LastName!.ToUpperInvariant()}, RPPS {doctor.Rpps}, installé au 4 rue de la Paix, 75002 Paris, " +
                          $"a délivré à {complainant} des certificats médicaux de complaisance, dont l'un pour Mme Lucienne Marchal, sa voisine, " +
                          $"sur les conseils du Dr Étienne Vasseur et de M. D. (affaire {caseId}). Interdiction d'exercer de 3 mois.",
                themes = new[] { "Certificats", "Probité" },
            },
            new
            {
                title = $"Information du patient ({marker})",
                summary = $"{complainant} n'a pas été informée des risques ; le médecin ({doctor.Rpps}), exerçant à 75004 paris, devait recueillir son consentement.",
                themes = new[] { "Consentement" },
            },
        };
        var references = new List<string>();
        foreach (var sheet in sheets)
        {
            var published = await national.PostAsJsonAsync($"/discipline/cases/{caseId}/case-law-sheets", sheet);
            Assert.True(published.StatusCode == HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
            var created = await published.Content.ReadFromJsonAsync<Created>();
            Assert.Equal($"/case-law/{created!.Reference}", published.Headers.Location?.ToString());
            references.Add(created.Reference);
        }
        // Sheets of one decision share its public reference and are numbered in it.
        Assert.Equal(references[0][..^2] + "-2", references[1]);

        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        // French stemming: "certificat" finds "Certificats", "consentements" finds "consentement".
        var byText = await anonymous.GetFromJsonAsync<SheetPage>($"/discipline/case-law?q=certificat {marker}");
        Assert.Equal(1, byText!.Total);
        Assert.Equal(1, (await anonymous.GetFromJsonAsync<SheetPage>($"/discipline/case-law?q=consentements {marker}"))!.Total);
        Assert.Equal(2, (await anonymous.GetFromJsonAsync<SheetPage>($"/discipline/case-law?q={marker}&sanction=PracticeBan&from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}"))!.Total);
        Assert.Equal(0, (await anonymous.GetFromJsonAsync<SheetPage>($"/discipline/case-law?q={marker}&sanction=Warning"))!.Total);
        Assert.Equal(0, (await anonymous.GetFromJsonAsync<SheetPage>($"/discipline/case-law?q={marker}&to={Today.AddDays(-1):yyyy-MM-dd}"))!.Total);
        var firstPage = await anonymous.GetFromJsonAsync<SheetPage>($"/discipline/case-law?q={marker}&pageSize=1");
        var secondPage = await anonymous.GetFromJsonAsync<SheetPage>($"/discipline/case-law?q={marker}&pageSize=1&page=2");
        Assert.NotEqual(Assert.Single(firstPage!.Items).Reference, Assert.Single(secondPage!.Items).Reference);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/discipline/case-law?pageSize=500")).StatusCode);

        // Every published sheet, page after page: none names the parties or third parties, nor gives a number, a town or the case.
        var forbidden = new[]
        {
            doctor.LastName!, doctor.FirstName!, doctor.Rpps!, complainant.Split(' ')[1], complainant.Split(' ')[2], "rue de la Paix",
            "Marchal", "Lucienne", "Vasseur", "Étienne", "M. D.", "75004 paris", "75002 Paris", caseId.ToString(),
        };
        for (var page = 1; ; page++)
        {
            var all = await anonymous.GetFromJsonAsync<SheetPage>($"/discipline/case-law?pageSize=50&page={page}");
            foreach (var sheet in all!.Items)
                foreach (var text in new[] { sheet.Title, sheet.Summary }.Concat(sheet.Themes))
                    Assert.DoesNotContain(forbidden, f => Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(f)}(?!\w)", RegexOptions.IgnoreCase));
            if (page * 50 >= all.Total) break;
        }

        // The public JSON, searched or read, carries no internal id: neither the case's nor any other GUID.
        var searched = await anonymous.GetStringAsync($"/discipline/case-law?q={marker}");
        var read = await anonymous.GetAsync($"/discipline/case-law/{references[0]}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var readJson = await read.Content.ReadAsStringAsync();
        foreach (var json in new[] { searched, readJson })
        {
            Assert.DoesNotContain(caseId.ToString("N"), json.Replace("-", ""), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"(?<![0-9a-zA-Z])[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}(?![0-9a-zA-Z])", json);
            Assert.DoesNotContain("caseId", json, StringComparison.OrdinalIgnoreCase);
        }
        var sheetRead = JsonSerializer.Deserialize<Sheet>(readJson, JsonSerializerOptions.Web);
        Assert.Equal(("75", references[0]), (sheetRead!.Department, sheetRead.Reference));
        Assert.Contains("Mme [tiers], sa voisine", sheetRead.Summary);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/discipline/case-law/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task A_sheet_that_would_still_identify_someone_is_refused_and_nothing_is_published()
    {
        var doctor = await system.GrantedInscription();
        var caseId = await system.FinalBan(doctor, banMonths: 1);
        using var national = await system.HttpClientFor("cdn");
        var marker = $"marqueur{Guid.NewGuid().ToString("N")[..16]}";
        var rpps = $"{doctor.Rpps![..4]}-{doctor.Rpps[4..8]}-{doctor.Rpps[8..]}";

        var refused = await national.PostAsJsonAsync($"/discipline/cases/{caseId}/case-law-sheets", new
        {
            title = $"Secret professionnel ({marker})",
            summary = $"Le médecin (RPPS {rpps}) a révélé à mme durand, voisine de la patiente, le diagnostic de celle-ci (affaire {caseId.ToString()[..8]}).",
            themes = new[] { "Secret médical" },
        });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("nom de tiers : « durand »", detail);
        Assert.Contains($"numéro RPPS : « {rpps} »", detail);
        Assert.Contains($"identifiant interne : « {caseId.ToString()[..8]} »", detail);
        Assert.Equal(3, problem.GetProperty("leaks").GetArrayLength());

        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        Assert.Equal(0, (await anonymous.GetFromJsonAsync<SheetPage>($"/discipline/case-law?q={marker}"))!.Total);

        // Rewritten, it is published, as the decision's first sheet.
        var published = await national.PostAsJsonAsync($"/discipline/cases/{caseId}/case-law-sheets", new
        {
            title = $"Secret professionnel ({marker})",
            summary = "Le médecin a révélé à Mme Durand, voisine de la patiente, le diagnostic de celle-ci.",
            themes = new[] { "Secret médical" },
        });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(1, (await published.Content.ReadFromJsonAsync<Created>())!.Number);
        var found = Assert.Single((await anonymous.GetFromJsonAsync<SheetPage>($"/discipline/case-law?q={marker}"))!.Items);
        Assert.Equal("Le médecin a révélé à Mme [tiers], voisine de la patiente, le diagnostic de celle-ci.", found.Summary);
    }

    [Theory]
    [InlineData("a%00b")]
    [InlineData("consentement%01")]
    [InlineData("%0Aexamen")]
    public async Task A_search_with_a_control_character_is_a_bad_request(string q)
    {
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        var response = await anonymous.GetAsync($"/discipline/case-law?q={q}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Only_the_national_chamber_publishes_and_only_sheets_of_its_own_decisions()
    {
        var doctor = await system.GrantedInscription();
        using var paris = await system.HttpClientFor("cdom75");
        var complaint = await (await paris.PostAsJsonAsync("/discipline/complaints", new
        {
            rpps = doctor.Rpps, complainant = new { kind = "Authority", name = "Préfet" }, grounds = new[] { "Exercice dangereux" },
        })).Content.ReadFromJsonAsync<IdOnly>();
        var caseId = (await (await paris.PostAsJsonAsync($"/discipline/complaints/{complaint!.Id}/transmission", new { opinion = "Griefs." }))
            .Content.ReadFromJsonAsync<Transmitted>())!.CaseId;
        var sheet = new { title = "Titre", summary = "Résumé", themes = new[] { "Thème" } };

        using var national = await system.HttpClientFor("cdn");
        Assert.Equal(HttpStatusCode.Conflict, (await national.PostAsJsonAsync($"/discipline/cases/{caseId}/case-law-sheets", sheet)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await national.PostAsJsonAsync($"/discipline/cases/{caseId}/case-law-sheets", new { title = "" })).StatusCode);
        using var chamber = await system.HttpClientFor("cdpiidf");
        Assert.Equal(HttpStatusCode.Forbidden, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/case-law-sheets", sheet)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await paris.PostAsJsonAsync($"/discipline/cases/{caseId}/case-law-sheets", sheet)).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/discipline/cases/{caseId}/case-law-sheets", sheet)).StatusCode);
        // The public sees nothing of the proceedings themselves.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/discipline/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/discipline/complaints/{complaint.Id}")).StatusCode);
    }

    private sealed record IdOnly(Guid Id);
    private sealed record Transmitted(Guid Id, Guid CaseId);
    private sealed record Created(string Reference, int Number);
    private sealed record Sheet(string Reference, string Decision, int Number, string Title, string Summary, IReadOnlyList<string> Themes, string Sanction, string Department);
    private sealed record SheetPage(IReadOnlyList<Sheet> Items, long Total);
}
