using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ordre.Testing;

namespace Ordre.Dashboard.BrowserTests;

/// <summary>Driving the dashboard page: open it through the gateway, sign in through the identity provider's form.</summary>
public static partial class DashboardPage
{
    public const string Password = "ordre-demo";

    /// <summary>Opens /dashboard/, clicks "Se connecter", fills the provider's French form and comes back signed in.</summary>
    public static Task<IPage> SignedInAsync(IBrowserContext context, OrdreSystem system, string account, string password = Password) =>
        SignedInAsync(context, system.DashboardRedirectUri, account, password);

    /// <summary>The same on the page at <paramref name="address"/> (e.g. the system started by <c>./ordre up</c>).</summary>
    public static async Task<IPage> SignedInAsync(IBrowserContext context, Uri address, string account, string password = Password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(address.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(AuthorizeAddress());
        await page.GetByLabel("Identifiant").FillAsync(account);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        if (password == Password)
        {
            // Back on /dashboard/?code=…; the page then exchanges the code and cleans the address (replaceState, no
            // navigation): wait for the redirect's commit, then for the signed-in header.
            var back = address.ToString();
            await page.WaitForURLAsync(url => url.StartsWith(back, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
            await page.Locator("#deconnexion").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        }
        return page;
    }

    [GeneratedRegex("/identity/connect/authorize")]
    private static partial Regex AuthorizeAddress();
}
