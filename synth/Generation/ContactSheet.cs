using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>A grid of samples with captions, scaled up with nearest-neighbour so every pixel stays visible.</summary>
public static class ContactSheet
{
    private const int LineHeight = 14;

    /// <param name="monospace">Captions in a monospaced face, so characters of several lines line up by position.</param>
    public static SKBitmap Render(IReadOnlyList<(SKBitmap Image, string Caption)> cells, int columns = 6, int cellWidth = 240, int cellHeight = 150, bool monospace = false)
    {
        // Room below each picture for the longest caption (at least two lines, the layout of the first sheets).
        var lines = Math.Max(2, cells.Count == 0 ? 0 : cells.Max(c => c.Caption.Split('\n').Length));
        var rows = (cells.Count + columns - 1) / columns;
        var sheet = new SKBitmap(columns * cellWidth, Math.Max(1, rows) * cellHeight);
        using var canvas = new SKCanvas(sheet);
        canvas.Clear(new SKColor(0x30, 0x30, 0x30));
        using var typeface = SKTypeface.FromFamilyName(monospace ? "DejaVu Sans Mono" : "DejaVu Sans") ?? SKTypeface.Default;
        using var font = new SKFont(typeface, 12);
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var image = new SKPaint();
        for (var i = 0; i < cells.Count; i++)
        {
            var (bitmap, caption) = cells[i];
            var x = i % columns * cellWidth;
            var y = i / columns * cellHeight;
            var boxW = cellWidth - 8f;
            var boxH = cellHeight - 12f - LineHeight * lines;
            var scale = Math.Min(boxW / bitmap.Width, boxH / bitmap.Height);
            var w = bitmap.Width * scale;
            var h = bitmap.Height * scale;
            using var img = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(img, SKRect.Create(x + 4 + (boxW - w) / 2, y + 4 + (boxH - h) / 2, w, h), new SKSamplingOptions(SKFilterMode.Nearest), image);
            var line = 0;
            foreach (var part in caption.Split('\n'))
            {
                canvas.DrawText(part, x + 4, y + cellHeight - 8 - (lines - 1 - line) * LineHeight, SKTextAlign.Left, font, text);
                line++;
            }
        }
        return sheet;
    }
}
