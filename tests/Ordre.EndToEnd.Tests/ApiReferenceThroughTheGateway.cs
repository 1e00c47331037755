using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// One API reference through the gateway: each service's OpenAPI document (/{service}/openapi/v1.json) and its
/// Scalar page (/{service}/docs) answer without a token, read-only, and the page finds its document behind the prefix.
/// </summary>
[Collection(SystemCollection.Name)]
public partial class ApiReferenceThroughTheGateway(OrdreSystem system)
{
    public static TheoryData<string> Services => new() { "tableau", "discipline", "dashboard", "conventions", "solidarity" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_openapi_document_answers_without_a_token_with_the_services_operations_and_the_gateway_as_server(string service)
    {
        using var gateway = new HttpClient { BaseAddress = system.Gateway.Url };
        using var response = await gateway.GetAsync($"/{service}/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var throughGateway = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        using var direct = new HttpClient();
        using var fromService = JsonDocument.Parse(await direct.GetStringAsync(new Uri(ServiceUrl(service), "/openapi/v1.json")));
        var operations = Operations(throughGateway);
        Assert.NotEmpty(operations);
        Assert.Equal(Operations(fromService), operations);

        // "Try it" on the page calls the gateway (relative to the page's origin), never the service's own address.
        var server = Assert.Single(throughGateway.RootElement.GetProperty("servers").EnumerateArray());
        Assert.Equal($"/{service}", server.GetProperty("url").GetString());
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_browsable_page_and_its_scripts_answer_without_a_token_and_ask_for_the_document_relative_to_the_page(string service)
    {
        using var gateway = new HttpClient { BaseAddress = system.Gateway.Url };

        // /{service}/docs redirects to docs/ (a relative Location, so the prefix stays), which serves the page.
        using var page = await gateway.GetAsync($"/{service}/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal($"/{service}/docs/", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        // Scalar's initialize() removes its own path (/docs/) from the page's path, so the relative document URL
        // resolves to /{service}/openapi/v1.json behind the gateway, and to /openapi/v1.json on the service itself.
        Assert.Contains("\"url\":\"openapi/v1.json\"", html);
        Assert.Contains("'%2Fdocs%2F'", html);

        foreach (var script in new[] { "scalar.js", "scalar.aspnetcore.js" })
        {
            Assert.Contains($"src=\"{script}\"", html);
            using var asset = await gateway.GetAsync($"/{service}/docs/{script}");
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_api_reference_routes_are_read_only(string service)
    {
        using var gateway = new HttpClient { BaseAddress = system.Gateway.Url };
        foreach (var path in new[] { $"/{service}/openapi/v1.json", $"/{service}/docs/" })
        {
            using var response = await gateway.PostAsync(path, new StringContent("{}"));
            Assert.False(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_operation_of_the_document_has_a_request_in_the_services_http_file(string service)
    {
        using var gateway = new HttpClient { BaseAddress = system.Gateway.Url };
        using var document = JsonDocument.Parse(await gateway.GetStringAsync($"/{service}/openapi/v1.json"));
        var file = Path.Combine(Repository.Root, "services", char.ToUpperInvariant(service[0]) + service[1..], $"{char.ToUpperInvariant(service[0]) + service[1..]}.http");
        var requests = HttpFileRequests(await File.ReadAllLinesAsync(file), service);

        var missing = Operations(document)
            .Where(operation => !requests.Any(request => Matches(operation, request)))
            .ToList();
        Assert.True(missing.Count == 0, $"{Path.GetFileName(file)} has no request for: {string.Join(", ", missing)}");
    }

    /// <summary>"GET /register/{{rpps}}/history" for each request line "GET {{gateway}}/tableau/register/{{rpps}}/history?…".</summary>
    private static List<string> HttpFileRequests(IEnumerable<string> lines, string service) =>
        [.. lines.Select(line => HttpRequestLine().Match(line))
            .Where(m => m.Success && m.Groups["path"].Value.StartsWith($"/{service}/", StringComparison.Ordinal))
            .Select(m => $"{m.Groups["method"].Value} {m.Groups["path"].Value[(service.Length + 1)..].Split('?')[0].TrimEnd('/')}")];

    /// <summary>An operation "POST /inscriptions/{id}/decision" matches a request whose path has a value (or a variable) per parameter.</summary>
    private static bool Matches(string operation, string request)
    {
        var (method, template) = (operation.Split(' ')[0], operation.Split(' ')[1].TrimEnd('/'));
        var pattern = "^" + method + " " + string.Concat(template.Split('/').Skip(1)
            .Select(segment => "/" + (segment.StartsWith('{') ? "[^/]+" : Regex.Escape(segment)))) + "$";
        return Regex.IsMatch(request, pattern);
    }

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|DELETE|PATCH) \{\{gateway\}\}(?<path>/\S*)")]
    private static partial Regex HttpRequestLine();

    private Uri ServiceUrl(string service) => service switch
    {
        "tableau" => system.Tableau.Url,
        "discipline" => system.Discipline.Url,
        "dashboard" => system.Dashboard.Url,
        _ => system.Service(service).Url,
    };

    private static SortedSet<string> Operations(JsonDocument document) =>
        new(document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(m => $"{m.Name.ToUpperInvariant()} {path.Name}")),
            StringComparer.Ordinal);
}
