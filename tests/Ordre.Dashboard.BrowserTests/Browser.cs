using Microsoft.Playwright;

namespace Ordre.Dashboard.BrowserTests;

/// <summary>
/// Headless Debian chromium (<c>apt-get install chromium</c>, installed by <c>./ordre test</c>) driven by Playwright
/// through its executable path: Playwright never downloads a browser. <c>ORDRE_TEST_CHROMIUM</c> names another binary.
/// Screenshots are written under <c>TestResults/screenshots/</c> of the test project and their paths printed.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public static string Executable => Environment.GetEnvironmentVariable("ORDRE_TEST_CHROMIUM") is { Length: > 0 } path ? path : DefaultExecutable;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"No chromium at {Executable}: install Debian's package (apt-get install -y chromium, " +
                                                "as ./ordre test does) or name the binary in ORDRE_TEST_CHROMIUM.");
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            // Running as root in CI (no user namespaces): chromium's sandbox cannot start there.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh context (no cookies, no storage) with a laptop-sized window and French locale.</summary>
    public Task<IBrowserContext> NewContextAsync() => Chromium.NewContextAsync(new BrowserNewContextOptions
    {
        Locale = "fr-FR",
        TimezoneId = "Europe/Paris",
        ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
    });

    /// <summary>Saves a full-page screenshot under TestResults/screenshots/ and prints its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, ITestOutputHelper output)
    {
        var folder = Path.Combine(ScreenshotsFolder(), TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
        Console.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>tests/Ordre.Dashboard.BrowserTests/TestResults/screenshots (beside the project, not under bin/).</summary>
    public static string ScreenshotsFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ordre.Dashboard.BrowserTests.csproj")))
            directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        _playwright?.Dispose();
    }
}
