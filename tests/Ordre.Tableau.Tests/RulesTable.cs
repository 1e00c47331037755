using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Contracts.Rules;

namespace Ordre.Tableau.Tests;

/// <summary>GET /rules: the Tableau's rules table, as the councils read it.</summary>
public class RulesTable(TableauInProcess tableau) : IClassFixture<TableauInProcess>
{
    [Fact]
    public async Task Get_rules_answers_the_tableaus_table_to_councils_only()
    {
        var endpoint = tableau.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == "/rules");
        Assert.Contains(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == OrdrePolicies.Councils);

        var http = new DefaultHttpContext { RequestServices = tableau.Services };
        http.Response.Body = new MemoryStream();
        await endpoint.RequestDelegate!(http);
        http.Response.Body.Position = 0;
        var rows = await JsonSerializer.DeserializeAsync<List<LegalRuleView>>(http.Response.Body, JsonSerializerOptions.Web);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal(TableauRules.Book.Rows().Count, rows!.Count);
        var appeal = rows.Single(r => r.Name == TableauRules.InscriptionAppeal);
        Assert.Equal((30, "jours", "CSP L.4112-4", (DateOnly?)null), (appeal.Value, appeal.Unit, appeal.Source, appeal.InForceFrom));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Label)));
    }

    [Fact]
    public void Every_rule_the_tableau_names_is_in_its_table()
    {
        var names = typeof(TableauRules).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(names.Order(), TableauRules.Book.Rows().Select(r => r.Name).Order());
    }
}
