using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ordre.Dashboard.BrowserTests;

/// <summary>The toolchain alone: Debian's chromium starts under Playwright and renders a page served on loopback.</summary>
public sealed class TheBrowserRuns(Browser browser, ITestOutputHelper output) : IClassFixture<Browser>
{
    [Fact]
    public async Task Chromium_renders_a_french_page_served_on_loopback()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            var body = Encoding.UTF8.GetBytes("<!doctype html><html lang=\"fr\"><title>Essai</title><h1>Bonjour</h1></html>");
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{port}/");
        await serving;

        Assert.Equal("Bonjour", await page.TextContentAsync("h1"));
        var screenshot = await Browser.ScreenshotAsync(page, "navigateur", output);
        Assert.True(new FileInfo(screenshot).Length > 0);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
