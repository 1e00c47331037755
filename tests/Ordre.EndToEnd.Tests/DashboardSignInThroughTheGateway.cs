using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// The national council's dashboard page signs in with the authorization-code flow and PKCE (S256 only) of client
/// tableau-de-bord, through the gateway's /identity/connect/ route (issue 14 §3): the sign-in form, its POST, the code
/// and its exchange, done here with an HttpClient as the page's script does it.
/// </summary>
[Collection(SystemCollection.Name)]
public partial class DashboardSignInThroughTheGateway(OrdreSystem system)
{
    private const string ClientId = "tableau-de-bord";

    [Fact]
    public async Task The_national_council_signs_in_with_a_code_and_its_verifier_and_reads_the_dashboard()
    {
        using var browser = NewBrowser();
        var verifier = NewVerifier();
        var code = await SignInAsync(browser, "cnom", "ordre-demo", Challenge(verifier));

        using var token = await ExchangeAsync(browser, code, verifier);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(accessToken.Split('.')[1]));
        Assert.Equal("cnom", claims.RootElement.GetProperty("sub").GetString());
        Assert.Equal("cnom", claims.RootElement.GetProperty("role").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/registrations");
        request.Headers.Authorization = new("Bearer", accessToken);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_departmental_account_signed_in_through_the_page_keeps_its_claims_and_is_refused_the_dashboard()
    {
        using var browser = NewBrowser();
        var verifier = NewVerifier();
        var code = await SignInAsync(browser, "cdom75", "ordre-demo", Challenge(verifier));
        using var token = await ExchangeAsync(browser, code, verifier);
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(accessToken.Split('.')[1]));
        Assert.Equal("cdom", claims.RootElement.GetProperty("role").GetString());
        Assert.Equal("75", claims.RootElement.GetProperty("department").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/registrations");
        request.Headers.Authorization = new("Bearer", accessToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_code_exchanged_with_another_verifier_is_refused()
    {
        using var browser = NewBrowser();
        var code = await SignInAsync(browser, "cnom", "ordre-demo", Challenge(NewVerifier()));
        using var token = await ExchangeAsync(browser, code, NewVerifier());
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        Assert.Equal("invalid_grant", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_authorization_request_without_a_code_challenge_is_refused()
    {
        using var browser = NewBrowser();
        using var response = await browser.GetAsync(AuthorizeUri(challenge: null));
        await AssertRefusedWithoutACode(response);
    }

    [Fact]
    public async Task An_authorization_request_with_the_plain_challenge_method_is_refused()
    {
        using var browser = NewBrowser();
        using var response = await browser.GetAsync(AuthorizeUri(NewVerifier(), method: "plain"));
        await AssertRefusedWithoutACode(response);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_a_french_error_and_no_code()
    {
        using var browser = NewBrowser();
        using var form = await browser.GetAsync(AuthorizeUri(Challenge(NewVerifier())));
        var html = await form.Content.ReadAsStringAsync();
        using var posted = await browser.PostAsync("/identity/connect/authorize", new FormUrlEncodedContent(FormFields(html, "cnom", "faux")));
        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
        Assert.Contains("Identifiant ou mot de passe incorrect.", await posted.Content.ReadAsStringAsync());
        Assert.Null(posted.Headers.Location);
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var browser = NewBrowser();
        using var form = await browser.GetAsync(AuthorizeUri(Challenge(NewVerifier())));
        var fields = FormFields(await form.Content.ReadAsStringAsync(), "cnom", "ordre-demo")
            .Where(f => !f.Key.StartsWith("__RequestVerificationToken", StringComparison.Ordinal));
        using var posted = await browser.PostAsync("/identity/connect/authorize", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Null(posted.Headers.Location);
    }

    [Fact]
    public async Task A_redirect_uri_other_than_the_dashboard_is_refused_without_redirecting()
    {
        using var browser = NewBrowser();
        var uri = AuthorizeUri(Challenge(NewVerifier())).Replace(Uri.EscapeDataString(system.DashboardRedirectUri.ToString()),
            Uri.EscapeDataString("http://127.0.0.1:1/ailleurs/"), StringComparison.Ordinal);
        using var response = await browser.GetAsync(uri);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private HttpClient NewBrowser() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = system.Gateway.Url,
    };

    /// <summary>GET the form, POST it with the account: the code from the redirect to /dashboard/.</summary>
    private async Task<string> SignInAsync(HttpClient browser, string userName, string password, string challenge)
    {
        using var form = await browser.GetAsync(AuthorizeUri(challenge));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("<label for=\"identifiant\">Identifiant</label>", html);
        using var posted = await browser.PostAsync("/identity/connect/authorize", new FormUrlEncodedContent(FormFields(html, userName, password)));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!;
        Assert.StartsWith(system.DashboardRedirectUri.ToString(), location.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("etat-42", query["state"]);
        return query["code"] ?? throw new InvalidOperationException($"no code in {location}");
    }

    private Task<HttpResponseMessage> ExchangeAsync(HttpClient browser, string code, string verifier) =>
        browser.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["code"] = code,
            ["redirect_uri"] = system.DashboardRedirectUri.ToString(),
            ["code_verifier"] = verifier,
        }));

    private string AuthorizeUri(string? challenge, string method = "S256")
    {
        var query = new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = system.DashboardRedirectUri.ToString(),
            ["scope"] = "api",
            ["state"] = "etat-42",
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = method;
        }
        return "/identity/connect/authorize?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }

    /// <summary>OpenIddict refuses the request itself (400, invalid_request): no form, no code, no redirect.</summary>
    private static async Task AssertRefusedWithoutACode(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_request", body, StringComparison.Ordinal);
        Assert.DoesNotContain("identifiant", body, StringComparison.Ordinal);
    }

    /// <summary>The form's hidden fields (the request's parameters, the antiforgery token) and the account.</summary>
    private static List<KeyValuePair<string, string>> FormFields(string html, string userName, string password)
    {
        var fields = HiddenInput().Matches(html)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .ToList();
        fields.Add(KeyValuePair.Create("identifiant", userName));
        fields.Add(KeyValuePair.Create("mot_de_passe", password));
        return fields;
    }

    private static string NewVerifier() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();
}
