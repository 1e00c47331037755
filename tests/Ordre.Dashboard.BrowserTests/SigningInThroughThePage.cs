using Microsoft.Playwright;
using Ordre.Testing;

namespace Ordre.Dashboard.BrowserTests;

/// <summary>
/// The page at /dashboard/ through the gateway, signed in with the identity provider's form (authorization code with
/// PKCE, issue 14 §3). Needs only this branch: the sign-in, the page shell, the refusal of other roles.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SigningInThroughThePage(OrdreSystem system, Browser browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_national_council_signs_in_through_the_providers_form_and_its_token_stays_in_the_tab()
    {
        await using var context = await browser.NewContextAsync();
        var page = await DashboardPage.SignedInAsync(context, system, "cnom");

        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.False(await page.IsVisibleAsync("#connexion"));
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).IsVisibleAsync());
        Assert.True(await page.GetByLabel("Année", new() { Exact = true }).IsVisibleAsync());
        Assert.DoesNotContain("code=", page.Url, StringComparison.Ordinal);
        var token = await page.EvaluateAsync<string?>("() => JSON.parse(sessionStorage.getItem('ordre.jeton') ?? 'null')?.value ?? null");
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Empty(await context.CookiesAsync([system.Gateway.Url.ToString()]) is var cookies
            ? cookies.Where(c => c.Value == token) : []);
        await Browser.ScreenshotAsync(page, "connecte-cnom", output);
    }

    [Fact]
    public async Task A_departmental_council_is_told_in_french_that_the_dashboard_is_the_national_councils()
    {
        await using var context = await browser.NewContextAsync();
        var page = await DashboardPage.SignedInAsync(context, system, "cdom75");

        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Contains("réservé au Conseil national", await alert.TextContentAsync(), StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("#tableau"));
        await Browser.ScreenshotAsync(page, "refus-cdom75", output);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_providers_form_with_a_french_error()
    {
        await using var context = await browser.NewContextAsync();
        var page = await DashboardPage.SignedInAsync(context, system, "cnom", "mauvais");

        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Equal("Identifiant ou mot de passe incorrect.", (await alert.TextContentAsync())?.Trim());
        Assert.Contains("/identity/connect/authorize", page.Url, StringComparison.Ordinal);
        Assert.Equal("cnom", await page.GetByLabel("Identifiant").InputValueAsync());
        await Browser.ScreenshotAsync(page, "mot-de-passe-faux", output);
    }
}
