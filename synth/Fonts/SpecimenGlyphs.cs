using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// A glyph chart of a <see cref="PlateFont"/>: every character it has (of A–Z, 0–9, Ä Ö Ü unless told otherwise) in
/// a grid, black ink on white, with the normalised cap lines (y = 0 and y = 1) in light blue and the ink's centre
/// line in light red. For looking at the outlines and for the specimen sheets in docs/.
/// </summary>
public static class SpecimenGlyphs
{
    /// <summary>The characters a chart shows by default.</summary>
    public const string DefaultChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ÄÖÜ";

    /// <summary>
    /// Renders the chart. <paramref name="capPx"/> is the cap height in pixels; cells are 1.3 cap heights wide and
    /// 1.5 high, <paramref name="columns"/> to a row. Characters the font lacks are skipped. The caller owns the bitmap.
    /// </summary>
    public static SKBitmap Render(PlateFont font, string? chars = null, int capPx = 80, int columns = 13)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentOutOfRangeException.ThrowIfLessThan(capPx, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var list = (chars ?? DefaultChars).Where(font.Has).Distinct().ToList();
        var cellW = (int)Math.Ceiling(capPx * 1.3);
        var cellH = (int)Math.Ceiling(capPx * 1.5);
        var rows = Math.Max(1, (list.Count + columns - 1) / columns);
        var bitmap = new SKBitmap(cellW * Math.Min(columns, Math.Max(1, list.Count)), cellH * rows, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var guide = new SKPaint { Color = new SKColor(0x9C, 0xC8, 0xF0), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        using var centre = new SKPaint { Color = new SKColor(0xF4, 0xB0, 0xB0), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        using var frame = new SKPaint { Color = new SKColor(0xE0, 0xE0, 0xE0), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Fill };
        for (var i = 0; i < list.Count; i++)
        {
            var x0 = i % columns * cellW;
            var y0 = i / columns * cellH;
            var top = y0 + (cellH - capPx) / 2f;
            var cx = x0 + cellW / 2f;
            canvas.DrawRect(x0 + 0.5f, y0 + 0.5f, cellW - 1, cellH - 1, frame);
            canvas.DrawLine(x0 + 2, top, x0 + cellW - 2, top, guide);
            canvas.DrawLine(x0 + 2, top + capPx, x0 + cellW - 2, top + capPx, guide);
            canvas.DrawLine(cx, y0 + 2, cx, y0 + cellH - 2, centre);
            using var glyph = font.Glyph(list[i]);
            glyph.Transform(new SKMatrix(capPx, 0, cx, 0, capPx, top, 0, 0, 1));
            canvas.DrawPath(glyph, ink);
        }
        canvas.Flush();
        return bitmap;
    }

    /// <summary>Renders the chart and writes it as PNG to <paramref name="path"/>.</summary>
    public static void SavePng(PlateFont font, string path, string? chars = null, int capPx = 80, int columns = 13)
    {
        using var bitmap = Render(font, chars, capPx, columns);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
