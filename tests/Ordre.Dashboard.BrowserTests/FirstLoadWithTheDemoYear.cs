using System.Diagnostics;
using System.Globalization;

namespace Ordre.Dashboard.BrowserTests;

/// <summary>
/// A benchmark, not a check of the code: the page's first load to its figures on the system <c>./ordre up</c> started
/// with the whole demo dataset (issue 14 §7, target &lt; 1 s), whose page address is in <c>ORDRE_DASHBOARD_URL</c>
/// (e.g. <c>http://127.0.0.1:5000/dashboard/</c>); skipped without it. Command and figures: docs/benchmarks.md.
/// </summary>
public sealed class FirstLoadWithTheDemoYear(Browser browser, ITestOutputHelper output) : IClassFixture<Browser>
{
    [DemoSystemFact]
    public async Task The_page_draws_the_demo_year_s_figures_and_prints_how_long_its_loads_took()
    {
        var address = new Uri(Environment.GetEnvironmentVariable(DemoSystemFactAttribute.Variable)!);
        await using var context = await browser.NewContextAsync();
        var signIn = Stopwatch.StartNew();
        var page = await DashboardPage.SignedInAsync(context, address, "cnom");
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.rendus ?? 0) >= 1", null, new() { Timeout = 30_000 });
        var firstTime = signIn.Elapsed.TotalMilliseconds;
        var values = new List<string>();
        foreach (var key in new[] { "inscriptions", "plaintes", "affaires-cdpi-ouvertes", "conventions", "delai-moyen-jugement-cdpi" })
            values.Add($"{key} {await page.Locator($".carte[data-key='{key}'] [data-role=value]").First.TextContentAsync(new() { Timeout = 5_000 })}");
        Print($"demo page: signed in (form to figures drawn) in {firstTime:F0} ms; {string.Join("; ", values)}");

        var loads = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var watch = Stopwatch.StartNew();
            await page.ReloadAsync();
            await page.WaitForFunctionAsync("() => Number(document.body.dataset.rendus ?? 0) >= 1", null, new() { Timeout = 10_000 });
            loads.Add(watch.Elapsed.TotalMilliseconds);
        }
        loads.Sort();
        Print(string.Create(CultureInfo.InvariantCulture,
            $"demo page: load to figures drawn, 10 reloads: min {loads[0]:F0} ms, p50 {loads[4]:F0} ms, max {loads[^1]:F0} ms (target < 1000 ms)"));
        // A benchmark figure (docs/benchmarks.md), not asserted: a timed assert fails on a loaded machine.
        await Browser.ScreenshotAsync(page, "annee-de-demonstration", output);
    }

    private void Print(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}

/// <summary>A fact run only when <see cref="Variable"/> names the page of a running system.</summary>
public sealed class DemoSystemFactAttribute : FactAttribute
{
    public const string Variable = "ORDRE_DASHBOARD_URL";

    public DemoSystemFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"Needs a system started by ./ordre up: set {Variable} to its page (http://127.0.0.1:5000/dashboard/).";
    }
}
