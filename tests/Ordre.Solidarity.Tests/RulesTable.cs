using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Contracts.Rules;
using Ordre.ServiceDefaults.Auth;

namespace Ordre.Solidarity.Tests;

/// <summary>GET /rules: solidarity's terms and ceilings, as the councils read them.</summary>
public class RulesTable(SolidarityInProcess solidarity) : IClassFixture<SolidarityInProcess>
{
    [Fact]
    public async Task Get_rules_answers_solidaritys_table_to_councils_only_with_each_assumption_marked()
    {
        var endpoint = solidarity.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == "/rules");
        Assert.Contains(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == OrdrePolicies.Councils);

        var http = new DefaultHttpContext { RequestServices = solidarity.Services };
        http.Response.Body = new MemoryStream();
        await endpoint.RequestDelegate!(http);
        http.Response.Body.Position = 0;
        var rows = await JsonSerializer.DeserializeAsync<List<LegalRuleView>>(http.Response.Body, JsonSerializerOptions.Web);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal(SolidarityRules.Book.Rows().Count, rows!.Count);
        var grant = rows.Single(r => r.Name == SolidarityRules.EntraideGrantCeiling);
        Assert.Equal((20_000, "euros", (DateOnly?)null), (grant.Value, grant.Unit, grant.InForceFrom));
        Assert.StartsWith("(A)", grant.Source, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Label)));
    }

    [Fact]
    public void Every_rule_solidarity_names_is_in_its_table()
    {
        var names = typeof(SolidarityRules).GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(names.Order(), SolidarityRules.Book.Rows().Select(r => r.Name).Order());
    }
}
