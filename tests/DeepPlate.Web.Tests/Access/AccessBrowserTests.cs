using DeepPlate.Web.Access;
using DeepPlate.Web.Tests.Browser;
using Microsoft.Playwright;

namespace DeepPlate.Web.Tests.Access;

/// <summary>
/// Access in a real browser (Debian's chromium, headless, as the reader's browser tests): log in, accept the terms,
/// read a plate, see the count of uses go down, log out; and the pages that refuse (<see cref="BrowserTests"/>).
/// </summary>
public sealed class AccessBrowserTests : BrowserTests
{
    private async Task<(IBrowserContext Context, IPage Page, List<string> Problems)> Open()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);
        return (context, page, problems);
    }

    private static async Task LogIn(IPage page, string user, string password)
    {
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login");
    }

    [Fact]
    public async Task Log_in_accept_the_terms_read_a_plate_see_the_count_go_down_and_log_out()
    {
        var (_, licence, _) = await AccessSession.Seed(App, "Bundeskriminalamt", "klara", usesPerSeat: 2, acceptTerms: false);
        var (png, _) = Plates.Scene();
        var (context, page, problems) = await Open();
        await using var _ = context;

        await page.GotoAsync(App.Address.ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await LogIn(page, "klara", "wrong-password");
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("wrong user name or password");
        await Screenshot(page, "7-login.png", fullPage: true);
        await LogIn(page, "klara", "password-1");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/terms"));
        await Screenshot(page, "8-terms.png", fullPage: true);
        await page.ClickAsync("#accept-terms");

        await Assertions.Expect(page.Locator("#uses-left")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#uses-word")).ToHaveTextAsync("uses");
        Assert.Equal(licence.Id.ToString(), await page.InputValueAsync("#licence"));
        await page.SelectOptionAsync("#country", "de");
        await page.SetInputFilesAsync("#image", new FilePayload { Name = "plate.png", MimeType = "image/png", Buffer = png });
        await Screenshot(page, "9-upload-with-licence.png", fullPage: true);
        await page.ClickAsync("#to-selection");
        await page.WaitForFunctionAsync("() => window.deepPlate.selection.image !== null");
        await page.ClickAsync("#select-all");
        await page.ClickAsync("#read");
        await Assertions.Expect(page.Locator("#step-results")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#uses-left")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#uses-word")).ToHaveTextAsync("use");
        await Assertions.Expect(page.Locator("#uses-reset")).ToBeHiddenAsync();
        Assert.Equal(1, (await App.Get<UseLedger>().ListAsync((await App.Get<AccessAdmin>().UsersAsync()).Single(u => u.UserName == "klara").Id)).Single().Used);

        // A second read from the same page: the count follows the server's.
        await page.ClickAsync("#read-another");
        await page.SetInputFilesAsync("#image", new FilePayload { Name = "plate.png", MimeType = "image/png", Buffer = png });
        await page.ClickAsync("#to-selection");
        await page.WaitForFunctionAsync("() => window.deepPlate.selection.image !== null");
        await page.ClickAsync("#select-all");
        await page.ClickAsync("#read");
        await Assertions.Expect(page.Locator("#uses-left")).ToHaveTextAsync("0");
        // None left: the licence is shown, disabled, with the day its count starts again, and nothing can be sent.
        await page.ClickAsync("#read-another");
        await Assertions.Expect(page.Locator("#uses-reset")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#uses-reset")).ToContainTextAsync("the count starts again on 1 ");
        await Assertions.Expect(page.Locator($"#licence option[value='{licence.Id}']")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator($"#licence option[value='{licence.Id}']")).ToContainTextAsync("no use left until 1 ");
        await page.SetInputFilesAsync("#image", new FilePayload { Name = "plate.png", MimeType = "image/png", Buffer = png });
        await Assertions.Expect(page.Locator("#to-selection")).ToBeDisabledAsync();

        await page.ClickAsync("#logout");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.GotoAsync(App.Address.ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_refusal_page_and_the_admin_area()
    {
        await AccessSession.Seed(App, "Kantonspolizei Bern", "beat", country: "ch");
        var (context, page, problems) = await Open();
        await using var _ = context;

        await page.GotoAsync(App.Address + "login");
        await LogIn(page, "beat", "password-1");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/access"));
        await Assertions.Expect(page.Locator("#requirement-SupportedCountry")).ToHaveClassAsync("missing");
        await Screenshot(page, "10-access-refused.png", fullPage: true);
        await page.ClickAsync("#logout");

        await LogIn(page, "admin", ReaderApp.AdminPassword);
        await page.ClickAsync("#accept-terms");
        await page.GotoAsync(App.Address + "admin");
        await page.FillAsync("#new-institution-name", "Politie Den Haag");
        await page.FillAsync("#new-institution-country", "nl");
        await page.ClickAsync("#create-institution");
        await Assertions.Expect(page.Locator("#admin-message")).ToContainTextAsync("Politie Den Haag");
        await Assertions.Expect(page.Locator("#institutions")).ToContainTextAsync("Politie Den Haag");
        await Screenshot(page, "11-admin.png", fullPage: true);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
