using System.Text.Json;
using Microsoft.Playwright;

namespace DeepPlate.Web.Tests.Browser;

/// <summary>A valid plate's note on the page and in the PDF, with format files whose German rules mark every plate
/// with a note that carries markup (<see cref="MarkedFormats"/>).</summary>
public sealed class ValidNotesBrowserTests : BrowserTests
{
    protected override ReaderApp CreateApp() => ReaderApp.Default(MarkedFormats.Configure);

    [Fact]
    public async Task A_valid_plates_note_is_shown_beside_it_as_text_and_in_the_pdf()
    {
        var (png, _) = Plates.Scene();
        await using var context = await Browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1200, Height = 900 }, ExtraHTTPHeaders = LoggedIn });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add(e);
        await ToSelection(page, png);
        await page.ClickAsync("#select-all");
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#read"), "**/read");
        using var json = JsonDocument.Parse(await answer.BodyAsync());
        var sent = json.RootElement.GetProperty("validNotes").EnumerateArray().Select(n => n.ValueKind == JsonValueKind.Null ? "" : n.GetString()!).ToList();
        Assert.Equal(json.RootElement.GetProperty("reading").GetProperty("valid").GetArrayLength(), sent.Count);
        Assert.Contains(sent, n => n.Contains(MarkedFormats.Note, StringComparison.Ordinal));

        await page.ClickAsync("#show-results");
        await Assertions.Expect(page.Locator("#valid-table")).ToBeVisibleAsync();
        Assert.Equal(["Rank", "Plate", "Format", "Confidence", "Note"], await page.Locator("#valid-table th").AllTextContentsAsync());
        // Each plate's note in its own row, the markup shown as the characters it is.
        Assert.Equal(sent, await page.Locator("#valid-table td.plate-note").AllTextContentsAsync());
        Assert.Equal(0, await page.Locator("#valid-table img, #valid-table b").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === 1"));
        // Legible: wrapped in its cell rather than one line running off the table.
        var note = page.Locator("#valid-table td.plate-note").Filter(new() { HasText = MarkedFormats.Note }).First;
        Assert.Equal("normal", await note.EvaluateAsync<string>("e => getComputedStyle(e).whiteSpace"));
        await Assertions.Expect(note).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#generate-pdf"));
        await using var stream = await download.CreateReadStreamAsync();
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        var pages = Pdf.PageTexts(memory.ToArray());
        Assert.DoesNotContain("not issued", pages[0]);
        Assert.Contains($"{MarkedFormats.Note}. Ranked by its confidence × 0.3.", string.Join(" ", pages.Skip(1)));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
