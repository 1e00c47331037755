using System.Net;
using System.Net.Http.Json;
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
        var marker = $"marqueur{Guid.NewGuid():N}";

        var sheets = new[]
        {
            new
            {
                title = $"Certificats de complaisance délivrés par le Dr {doctor.LastName} ({marker})",
                summary = $"Le Dr {doctor.FirstName} {doctor.LastName!.ToUpperInvariant()}, RPPS {doctor.Rpps}, installé au 4 rue de la Paix, 75002 Paris, " +
                          $"a délivré à {complainant} des certificats médicaux de complaisance. Interdiction d'exercer de 3 mois.",
                themes = new[] { "Certificats", "Probité" },
            },
            new
            {
                title = $"Information du patient ({marker})",
                summary = $"{complainant} n'a pas été informée des risques ; le médecin ({doctor.Rpps}) devait recueillir son consentement.",
                themes = new[] { "Consentement" },
            },
        };
        foreach (var sheet in sheets)
        {
            var published = await national.PostAsJsonAsync($"/discipline/cases/{caseId}/case-law-sheets", sheet);
            Assert.True(published.StatusCode == HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        }

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
        Assert.NotEqual(Assert.Single(firstPage!.Items).Id, Assert.Single(secondPage!.Items).Id);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/discipline/case-law?pageSize=500")).StatusCode);

        // Every published sheet, page after page: none names the parties or gives the doctor's numbers.
        var forbidden = new[] { doctor.LastName!, doctor.FirstName!, doctor.Rpps!, complainant.Split(' ')[1], complainant.Split(' ')[2], "rue de la Paix" };
        for (var page = 1; ; page++)
        {
            var all = await anonymous.GetFromJsonAsync<SheetPage>($"/discipline/case-law?pageSize=50&page={page}");
            foreach (var sheet in all!.Items)
                foreach (var text in new[] { sheet.Title, sheet.Summary }.Concat(sheet.Themes))
                    Assert.DoesNotContain(forbidden, f => Regex.IsMatch(text, $@"\b{Regex.Escape(f)}\b", RegexOptions.IgnoreCase));
            if (page * 50 >= all.Total) break;
        }
        var read = await anonymous.GetFromJsonAsync<Sheet>($"/discipline/case-law/{firstPage.Items[0].Id}");
        Assert.Equal("75", read!.Department);
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
    private sealed record Sheet(Guid Id, string Title, string Summary, IReadOnlyList<string> Themes, string Sanction, string Department);
    private sealed record SheetPage(IReadOnlyList<Sheet> Items, long Total);
}
