using Microsoft.Playwright;

namespace DeepPlate.Web.Tests.Browser;

/// <summary>
/// What every browser test class shares: the app (<see cref="CreateApp"/>), Debian's chromium (installed by
/// scripts/setup; Playwright's own browser downloads are never used) headless, driven by Playwright against the app
/// on a loopback port, and the screenshots that <c>DEEPPLATE_WRITE_SCREENSHOTS=1</c> saves under docs/web/ (CI
/// leaves them alone).
/// </summary>
public abstract class BrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright playwright = null!;

    /// <summary>The test reader's credentials on every request (HTTP Basic): the reading tests are about reading;
    /// logging in through the page is the access tests' subject (Access/AccessBrowserTests).</summary>
    protected static readonly Dictionary<string, string> LoggedIn = new() { ["Authorization"] = ReaderApp.Basic(ReaderApp.ReaderName, ReaderApp.ReaderPassword).ToString() };

    protected ReaderApp App { get; private set; } = null!;
    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = CreateApp();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>The app the class's tests use: <see cref="ReaderApp.Default"/> unless a class needs other data.</summary>
    protected virtual ReaderApp CreateApp() => ReaderApp.Default();

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        App.Dispose();
    }

    /// <summary>Opens the reader, uploads a German picture and goes on to the selection, the picture loaded there.</summary>
    protected async Task ToSelection(IPage page, byte[] png)
    {
        await page.GotoAsync(App.Address.ToString());
        await page.SelectOptionAsync("#country", "de");
        await page.SetInputFilesAsync("#image", new FilePayload { Name = "plate.png", MimeType = "image/png", Buffer = png });
        await page.ClickAsync("#to-selection");
        await page.WaitForFunctionAsync("() => window.deepPlate.selection.image !== null");
    }

    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("DEEPPLATE_WRITE_SCREENSHOTS") == "1"
        ? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../docs/web"))
        : null;

    protected static async Task Screenshot(IPage page, string name, bool fullPage = false)
    {
        if (ScreenshotFolder is null) return;
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name), FullPage = fullPage });
    }
}
