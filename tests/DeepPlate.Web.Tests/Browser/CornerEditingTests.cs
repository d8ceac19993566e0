using System.Numerics;
using System.Text.Json;
using Microsoft.Playwright;

namespace DeepPlate.Web.Tests.Browser;

/// <summary>Placing and correcting the corners without a right button: keyboard only, dragging, undo, touch; and
/// Continue in view on a 1366 x 768 screen.</summary>
public sealed class CornerEditingTests : BrowserTests
{
    private async Task<(IBrowserContext Context, IPage Page, Vector2[] Corners, List<string> Problems)> Selection(bool touch = false)
    {
        var (png, corners) = Plates.Scene();
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, ExtraHTTPHeaders = LoggedIn, HasTouch = touch });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);
        await ToSelection(page, png);
        return (context, page, corners, problems);
    }

    private static async Task<Vector2[]> Points(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.deepPlate.selection.points)");
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(p => new Vector2(p.GetProperty("x").GetSingle(), p.GetProperty("y").GetSingle()))];
    }

    private static async Task<Vector2> Cursor(IPage page)
    {
        var c = await page.EvaluateAsync<double[]>("() => [window.deepPlate.selection.cursor.x, window.deepPlate.selection.cursor.y]");
        return new((float)c[0], (float)c[1]);
    }

    private static async Task<(float X, float Y)> Screen(IPage page, Vector2 p) =>
        await page.EvaluateAsync<float[]>(
            "([x, y]) => { const s = window.deepPlate.selection.toScreen(x, y); const r = document.getElementById('canvas').getBoundingClientRect(); return [s.x + r.left, s.y + r.top]; }",
            new[] { (double)p.X, (double)p.Y }) is var a ? (a[0], a[1]) : default;

    /// <summary>Moves the cross-hair to the whole pixel nearest <paramref name="target"/> with the arrow keys only.</summary>
    private static async Task MoveCursor(IPage page, Vector2 target)
    {
        var at = await Cursor(page);
        foreach (var (delta, minus, plus) in new[] { ((int)MathF.Round(target.X - at.X), "ArrowLeft", "ArrowRight"), ((int)MathF.Round(target.Y - at.Y), "ArrowUp", "ArrowDown") })
        {
            var key = delta < 0 ? minus : plus;
            for (var i = 0; i < Math.Abs(delta) / 10; i++) await page.Keyboard.PressAsync("Shift+" + key);
            for (var i = 0; i < Math.Abs(delta) % 10; i++) await page.Keyboard.PressAsync(key);
        }
    }

    [Fact]
    public async Task The_whole_flow_with_keyboard_only_corner_placement_on_a_1366_by_768_screen()
    {
        var (context, page, corners, problems) = await Selection();
        await using var _ = context;
        // Continue is on screen without scrolling.
        var read = (await page.Locator("#read").BoundingBoxAsync())!;
        Assert.True(read.Y + read.Height <= 768, $"Continue ends at {read.Y + read.Height} px, below the 768 px screen");

        await page.FocusAsync("#canvas");
        foreach (var c in corners)
        {
            await MoveCursor(page, c);
            await page.Keyboard.PressAsync("Enter");
        }
        await Assertions.Expect(page.Locator("#selection-status")).ToContainTextAsync("Four corners set");
        read = (await page.Locator("#read").BoundingBoxAsync())!;
        Assert.True(read.Y + read.Height <= 768, $"with four corners set, Continue ends at {read.Y + read.Height} px");
        var placed = await Points(page);
        for (var i = 0; i < 4; i++) Assert.True(Vector2.Distance(placed[i], corners[i]) <= 0.75f, $"corner {i + 1} at {placed[i]}, meant {corners[i]}");

        // Choose corner 2 and nudge it one picture pixel right, then back.
        await page.Keyboard.PressAsync("2");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal(placed[1].X + 1, (await Points(page))[1].X, 2);
        await page.Keyboard.PressAsync("ArrowLeft");
        await Screenshot(page, "12-keyboard-corners.png");
        // Undo the last corner and place it again.
        await page.Keyboard.PressAsync("Backspace");
        Assert.Equal(3, (await Points(page)).Length);
        await Assertions.Expect(page.Locator("#read")).ToBeDisabledAsync();
        await MoveCursor(page, corners[3]);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#read")).ToBeEnabledAsync();

        // Continue from the keyboard too.
        await page.FocusAsync("#read");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#step-results")).ToBeVisibleAsync();
        await page.FocusAsync("#show-results");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#candidates-table")).ToBeVisibleAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_placed_corner_is_dragged_and_the_last_one_undone_with_the_button()
    {
        var (context, page, corners, problems) = await Selection();
        await using var _ = context;
        foreach (var c in corners)
        {
            var (x, y) = await Screen(page, c);
            await page.Mouse.ClickAsync(x, y, new() { Button = MouseButton.Right });
        }
        var before = await Points(page);
        var view = await page.EvaluateAsync<double[]>("() => [window.deepPlate.selection.ox, window.deepPlate.selection.oy, window.deepPlate.selection.scale]");
        var (cx, cy) = await Screen(page, before[2]);
        await page.Mouse.MoveAsync(cx, cy);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(cx + 15, cy + 6, new() { Steps = 5 });
        // While dragging, the magnifier shows the picture around the dragged corner.
        var loupe = await page.EvaluateAsync<string>("() => { const s = window.deepPlate.selection; return JSON.stringify({ box: s.loupeBox, at: s.loupePoint(), corner: s.points[2] }); }");
        using (var shown = JsonDocument.Parse(loupe))
        {
            Assert.Equal(JsonValueKind.Object, shown.RootElement.GetProperty("box").ValueKind);
            Assert.Equal(shown.RootElement.GetProperty("corner").GetRawText(), shown.RootElement.GetProperty("at").GetRawText());
        }
        await page.Mouse.UpAsync();
        var after = await Points(page);
        Assert.Equal(before[2].X + 15 / view[2], after[2].X, 1);
        Assert.Equal(before[2].Y + 6 / view[2], after[2].Y, 1);
        for (var i = 0; i < 4; i++) if (i != 2) Assert.Equal(before[i], after[i]);
        // The corner moved, not the picture.
        Assert.Equal(view[0], await page.EvaluateAsync<double>("() => window.deepPlate.selection.ox"), 3);

        await page.ClickAsync("#undo");
        Assert.Equal(3, (await Points(page)).Length);
        await Assertions.Expect(page.Locator("#selection-status")).ToContainTextAsync("corner 4 of 4");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task In_touch_mode_taps_place_the_corners()
    {
        var (context, page, corners, problems) = await Selection(touch: true);
        await using var _ = context;
        await page.TapAsync("#touch-mode");
        await Assertions.Expect(page.Locator("#touch-mode")).ToHaveAttributeAsync("aria-pressed", "true");
        foreach (var c in corners)
        {
            var (x, y) = await Screen(page, c);
            await page.Touchscreen.TapAsync(x, y);
        }
        await Assertions.Expect(page.Locator("#selection-status")).ToContainTextAsync("Four corners set");
        var placed = await Points(page);
        for (var i = 0; i < 4; i++) Assert.True(Vector2.Distance(placed[i], corners[i]) <= 1.5f, $"corner {i + 1} at {placed[i]}, meant {corners[i]}");
        await Assertions.Expect(page.Locator("#read")).ToBeEnabledAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
