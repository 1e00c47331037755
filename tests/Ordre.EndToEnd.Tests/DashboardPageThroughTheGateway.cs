using System.Net;
using System.Text.RegularExpressions;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// The dashboard's page through the gateway (issue 14 §3): anonymous, index.html never cached long, hashed assets
/// cached for a year, nothing else of /dashboard/ opened to anonymous callers.
/// </summary>
[Collection(SystemCollection.Name)]
public partial class DashboardPageThroughTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task The_page_is_served_anonymously_with_index_html_revalidated_and_its_hashed_assets_cached_for_a_year()
    {
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        using var page = await anonymous.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", Regex.Replace(html, "<meta[^>]*>", ""), StringComparison.Ordinal);

        var assets = Asset().Matches(html).Select(m => m.Groups["path"].Value).ToList();
        Assert.Equal(2, assets.Count);
        foreach (var asset in assets)
        {
            using var response = await anonymous.GetAsync("/dashboard/" + asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/dashboard", "/dashboard/")]
    [InlineData("/dashboard?year=2020&code=abc", "/dashboard/?year=2020&code=abc")]
    [InlineData("/Dashboard", "/dashboard/")]
    public async Task The_page_s_address_without_its_final_slash_redirects_to_it_with_its_query_so_the_relative_assets_load(string path, string location)
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = system.Gateway.Url };
        using var response = await anonymous.GetAsync(path);
        Assert.Equal((HttpStatusCode.Redirect, location), (response.StatusCode, response.Headers.Location?.OriginalString));
        using var following = new HttpClient { BaseAddress = system.Gateway.Url };
        using var page = await following.GetAsync(path);
        Assert.Equal((HttpStatusCode.OK, "/dashboard/"), (page.StatusCode, page.RequestMessage?.RequestUri?.AbsolutePath));
    }

    [Theory]
    [InlineData("/dashboard/assets/absent-0000.js", HttpStatusCode.NotFound)]
    [InlineData("/dashboard/assets/..%2F..%2Fappsettings.json", HttpStatusCode.NotFound)]
    [InlineData("/dashboard/assets/%2E%2E%5Cappsettings.json", HttpStatusCode.NotFound)]
    [InlineData("/dashboard/registrations", HttpStatusCode.Unauthorized)]
    public async Task Nothing_else_under_dashboard_is_given_to_an_anonymous_caller(string path, HttpStatusCode expected)
    {
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        using var response = await anonymous.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
    }

    [GeneratedRegex("\\./(?<path>assets/main-[A-Z0-9]+\\.(js|css))")]
    private static partial Regex Asset();
}
