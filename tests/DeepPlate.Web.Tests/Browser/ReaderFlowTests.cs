using System.Numerics;
using DeepPlate.Inference.Report;
using Microsoft.Playwright;

namespace DeepPlate.Web.Tests.Browser;

/// <summary>The reader in a real browser (<see cref="BrowserTests"/>): every step, errors, tabs, the US states.</summary>
public sealed class ReaderFlowTests : BrowserTests
{
    /// <summary>Right-clicks the picture at picture pixel (x, y), wherever the view's zoom and pan put it.</summary>
    private static async Task RightClick(IPage page, Vector2 p)
    {
        var at = await page.EvaluateAsync<double[]>(
            "([x, y]) => { const s = window.deepPlate.selection.toScreen(x, y); const r = document.getElementById('canvas').getBoundingClientRect(); return [s.x + r.left, s.y + r.top]; }",
            new[] { (double)p.X, (double)p.Y });
        if (!double.IsFinite(at[0]) || !double.IsFinite(at[1]))
        {
            var state = await page.EvaluateAsync<string>("() => { const s = window.deepPlate.selection; return JSON.stringify({scale: s.scale, ox: s.ox, oy: s.oy, w: s.width, h: s.height, r: document.getElementById('canvas').getBoundingClientRect()}); }");
            Assert.Fail($"picture point {p} has no screen position: {state}");
        }
        await page.Mouse.ClickAsync((float)at[0], (float)at[1], new() { Button = MouseButton.Right });
    }

    private static async Task PlaceCorners(IPage page, Vector2[] corners)
    {
        foreach (var c in corners) await RightClick(page, c);
        await Assertions.Expect(page.Locator("#read")).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("#selection-status")).ToContainTextAsync("Four corners set");
    }

    [Fact]
    public async Task Upload_select_four_corners_read_show_results_and_download_the_pdf()
    {
        var (png, corners) = Plates.Scene();
        await using var context = await Browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1200, Height = 900 }, ExtraHTTPHeaders = LoggedIn });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);
        await page.GotoAsync(App.Address.ToString());

        // Upload: the country, its templates for information, the picture.
        await Assertions.Expect(page.Locator("#to-selection")).ToBeDisabledAsync();
        await page.SelectOptionAsync("#country", "de");
        await Assertions.Expect(page.Locator(".country-templates[data-country=de] img").First).ToBeVisibleAsync();
        await page.FillAsync("#case-reference", "Fall 2026/0417");
        await page.FillAsync("#examiner", "KOK Weiß");
        await page.SetInputFilesAsync("#image", new FilePayload { Name = "plate.png", MimeType = "image/png", Buffer = png });
        await Assertions.Expect(page.Locator("#to-selection")).ToBeEnabledAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.country-templates[data-country=de] img')].every(i => i.complete && i.naturalWidth > 0)");
        await Screenshot(page, "1-upload.png", fullPage: true);

        // Selection: zoom with the wheel, four right-clicks, a fifth clears, place again; the button clears too.
        await page.ClickAsync("#to-selection");
        await page.WaitForFunctionAsync("() => window.deepPlate.selection.image !== null");
        await Assertions.Expect(page.Locator("#read")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#selection-status")).ToContainTextAsync("corner 1 of 4");
        var box = (await page.Locator("#canvas").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        var scale = await page.EvaluateAsync<double>("() => window.deepPlate.selection.scale");
        await page.Mouse.WheelAsync(0, 200); // zoom out around the cursor (so the whole picture stays on the canvas)
        await page.WaitForFunctionAsync($"() => window.deepPlate.selection.scale < {scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        await page.Mouse.DownAsync(); // pan: a left-drag moves the picture
        await page.Mouse.MoveAsync(box.X + box.Width / 2 + 40, box.Y + box.Height / 2 + 15, new() { Steps = 3 });
        await page.Mouse.UpAsync();
        await PlaceCorners(page, corners);
        await RightClick(page, new Vector2(1, 1));
        await Assertions.Expect(page.Locator("#read")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#selection-status")).ToContainTextAsync("corner 1 of 4");
        await RightClick(page, corners[1]);
        await RightClick(page, corners[0]);
        await RightClick(page, corners[3]);
        await RightClick(page, corners[2]);
        await Assertions.Expect(page.Locator("#read")).ToBeDisabledAsync(); // counter-clockwise: refused
        await page.ClickAsync("#clear");
        // A quad too small to read (10 x 4 picture pixels): refused here as the server would, nothing sent.
        foreach (var (dx, dy) in new[] { (0, 0), (10, 0), (10, 4), (0, 4) }) await RightClick(page, corners[0] + new Vector2(dx, dy));
        await Assertions.Expect(page.Locator("#selection-status")).ToContainTextAsync("too small to read");
        await Assertions.Expect(page.Locator("#read")).ToBeDisabledAsync();
        await page.ClickAsync("#clear");
        await Assertions.Expect(page.Locator("#selection-status")).ToContainTextAsync("corner 1 of 4");
        await page.ClickAsync("#select-all");
        await Assertions.Expect(page.Locator("#read")).ToBeEnabledAsync();
        await page.ClickAsync("#clear");
        await PlaceCorners(page, corners);
        await page.FillAsync("#examiner-reading", "B XY 123");
        await Screenshot(page, "2-selection.png");

        // Results: the reminder first, the tables only after Show results.
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#read"), "**/read");
        using var json = System.Text.Json.JsonDocument.Parse(await answer.BodyAsync());
        await Assertions.Expect(page.Locator("#step-results")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".warning")).ToContainTextAsync("second opinion");
        await Assertions.Expect(page.Locator("#positions-table")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#candidates-table")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("#candidates-table tr").CountAsync());
        await Screenshot(page, "3-results-hidden.png");
        await page.ClickAsync("#show-results");
        await Assertions.Expect(page.Locator("#positions-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#candidates-table")).ToBeVisibleAsync();
        Assert.Equal(61, await page.Locator("#candidates-table tr").CountAsync());
        Assert.True(await page.Locator("#positions-table tr").CountAsync() > 5);
        // The screen says what the report says: every candidate's confidence by the report's rule.
        var shown = await page.Locator("#candidates-table td:nth-child(3)").AllTextContentsAsync();
        var candidates = json.RootElement.GetProperty("reading").GetProperty("candidates");
        Assert.Equal(candidates.GetArrayLength(), shown.Count);
        for (var i = 0; i < shown.Count; i++) Assert.Equal(ConfidenceText.Percent(candidates[i].GetProperty("confidence").GetDouble()), shown[i]);
        await Screenshot(page, "4-results.png");

        // Generate PDF: a download of the report from the same response.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#generate-pdf"));
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        var pages = Pdf.PageTexts(memory.ToArray());
        Assert.True(pages.Count >= 2);
        Assert.Contains("B XY 123", pages[0]);
        Assert.Contains("Fall 2026/0417", pages[0]);
        Assert.Contains("KOK Weiß", pages[0]);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Errors_are_shown_in_plain_words_and_tabs_are_independent()
    {
        var (png, corners) = Plates.Scene();
        await using var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 }, ExtraHTTPHeaders = LoggedIn });
        var first = await context.NewPageAsync();
        var second = await context.NewPageAsync();
        foreach (var page in new[] { first, second }) await page.GotoAsync(App.Address.ToString());

        // A country without a model: the server's words on the page.
        await first.SelectOptionAsync("#country", "fr");
        await Assertions.Expect(first.Locator("#no-model")).ToBeVisibleAsync();
        await first.SetInputFilesAsync("#image", new FilePayload { Name = "plate.png", MimeType = "image/png", Buffer = png });
        await first.ClickAsync("#to-selection");
        await first.WaitForFunctionAsync("() => window.deepPlate.selection.image !== null");
        await PlaceCorners(first, corners);

        // The second tab reads a German plate meanwhile, with its own picture and corners.
        await second.SelectOptionAsync("#country", "de");
        await second.SetInputFilesAsync("#image", new FilePayload { Name = "other.png", MimeType = "image/png", Buffer = png });
        await second.ClickAsync("#to-selection");
        await second.WaitForFunctionAsync("() => window.deepPlate.selection.image !== null");
        await second.ClickAsync("#select-all");

        await first.ClickAsync("#read");
        await Assertions.Expect(first.Locator("#error")).ToContainTextAsync("plates of France cannot be read yet");
        await Assertions.Expect(first.Locator("#step-select")).ToBeVisibleAsync();
        await Screenshot(first, "5-error.png");

        await second.ClickAsync("#read");
        await Assertions.Expect(second.Locator("#step-results")).ToBeVisibleAsync();
        await Assertions.Expect(first.Locator("#step-select")).ToBeVisibleAsync();

        // A file the browser cannot show is refused before anything is sent.
        await first.ClickAsync("#back-to-upload");
        await first.SetInputFilesAsync("#image", new FilePayload { Name = "notes.png", MimeType = "image/png", Buffer = "not a picture"u8.ToArray() });
        await first.ClickAsync("#to-selection");
        await Assertions.Expect(first.Locator("#error")).ToContainTextAsync("not a picture");
    }

    [Fact]
    public async Task The_us_shows_formats_once_a_state_is_chosen()
    {
        await using var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 }, ExtraHTTPHeaders = LoggedIn });
        var page = await context.NewPageAsync();
        await page.GotoAsync(App.Address.ToString());
        await page.SelectOptionAsync("#country", "us");
        await Assertions.Expect(page.Locator("#state")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".state-formats:visible")).ToHaveCountAsync(0);
        await page.SelectOptionAsync("#state", "ca");
        await Assertions.Expect(page.Locator(".state-formats[data-state=ca]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.state-formats[data-state=ca] img')].every(i => i.complete && i.naturalWidth > 0)");
        await Screenshot(page, "6-upload-us.png", fullPage: true);
    }
}
