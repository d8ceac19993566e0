using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// Draws a plate in millimetre coordinates onto a canvas whose matrix maps millimetres to pixels (with perspective),
/// so the same code draws the flat specimen and the plate inside a camera's scene. One instance per thread: it
/// keeps its paints and paths.
/// </summary>
/// <remarks>
/// Speed (the generator draws thousands of plates a second): nothing is clipped — whatever reaches the rounded edge
/// is cut to it ahead (<see cref="PlateOutlines"/>, per style) or, for dirt, only when it crosses the edge — and a
/// grey scene gets grey colours (Rec. 601 luma of each colour, which blends exactly as the colours would), so it can
/// be drawn straight into an 8-bit grey bitmap.
/// </remarks>
public sealed class PlateRenderer(FontCatalog fonts) : IDisposable
{
    // Skia paths are not safe to draw from two threads at once, so each renderer keeps its own copies.
    private readonly Dictionary<(string Font, char Char), SKPath> glyphs = [];
    private readonly Dictionary<string, SKPath> textPaths = [];
    private readonly Dictionary<PlateStyle, PlateOutlines> outlines = new(ReferenceEqualityComparer.Instance);

    private readonly SKPaint fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };
    private bool grey;

    /// <summary>Draws the plate: background, bands, border, characters, separators, seals, screws, dirt and wear.</summary>
    /// <param name="header">Text printed above the characters (a US state's name), or null.</param>
    /// <param name="greyscale">Draw in grey (Rec. 601 luma of every colour), for a grey scene.</param>
    public void Draw(SKCanvas canvas, PlateText text, PlateStyle style, PlateLook look, string? header = null, bool greyscale = false)
    {
        grey = greyscale;
        var typeface = text.Template.Typeface;
        var font = typeface.Font;
        var w = (float)style.WidthMm;
        var h = (float)style.HeightMm;
        var radius = (float)style.CornerRadiusMm;
        var shape = PlateOutlines.For(style, outlines);

        SetFill(Tint(style.Background, look.Sheen));
        canvas.DrawRoundRect(shape.Plate, fill);
        if (style.Band is { } band) DrawBand(canvas, band, shape.LeftBand!, shape.Stars, 0, h);
        if (style.RightBand is { } rightBand) DrawBand(canvas, rightBand, shape.RightBand!, null, w - (float)rightBand.WidthMm, h);

        var headerMm = header is null ? 0 : h * 0.2;
        var layout = PlateLayout.Create(text, style, typeface, headerMm);
        var ink = Lerp(style.Text, style.Background, look.Wear * 0.35);
        if (header is not null) DrawHeader(canvas, header, style, (float)headerMm, Lerp(style.Text, style.Background, 0.25));
        DrawCharacters(canvas, font, layout, typeface, ink);
        DrawGaps(canvas, layout, ink, h, look);

        if (style.Border is { } border)
        {
            var bw = (float)style.BorderMm;
            SetStroke(Convert(border), bw);
            var inset = bw / 2 + 0.012f * h;
            canvas.DrawRoundRect(new SKRect(inset, inset, w - inset, h - inset), Math.Max(0, radius - inset), Math.Max(0, radius - inset), stroke);
        }
        if (look.Screws) DrawScrews(canvas, w, h, header is not null);
        DrawDirt(canvas, shape, w, h, look);
    }

    private void SetFill(SKColor c) => fill.Color = grey ? Grey(c) : c;

    private void SetStroke(SKColor c, float width)
    {
        stroke.Color = grey ? Grey(c) : c;
        stroke.StrokeWidth = width;
    }

    /// <summary>Rec. 601 luma on the 8-bit values, alpha kept: what a camera's grey JPEG makes of the colour.</summary>
    public static SKColor Grey(SKColor c)
    {
        var y = (byte)Math.Clamp((int)MathF.Round(0.299f * c.Red + 0.587f * c.Green + 0.114f * c.Blue), 0, 255);
        return new SKColor(y, y, y, c.Alpha);
    }

    private void DrawCharacters(SKCanvas canvas, string font, PlateLayout layout, Typeface typeface, SKColor ink)
    {
        SetFill(ink);
        // Scale each glyph so the reference glyph's ink fills the documented character width.
        var letterScale = (float)(layout.CharHeightMm * typeface.WidthMm / typeface.HeightMm / InkWidth(font, 'H'));
        var digitScale = (float)(layout.CharHeightMm * (typeface.DigitWidthMm ?? typeface.WidthMm) / typeface.HeightMm / InkWidth(font, '0'));
        foreach (var g in layout.Glyphs)
        {
            var natural = char.IsAsciiDigit(g.Char) ? typeface.DigitWidthMm ?? typeface.WidthMm : typeface.WidthMm;
            var condensed = (float)(g.CellWidthMm / (natural * layout.CharHeightMm / typeface.HeightMm));
            var sx = (char.IsAsciiDigit(g.Char) ? digitScale : letterScale) * condensed;
            canvas.Save();
            canvas.Translate((float)g.CentreXMm, (float)layout.TextTopMm);
            canvas.Scale(sx, (float)layout.CharHeightMm);
            canvas.DrawPath(Glyph(font, g.Char), fill);
            canvas.Restore();
        }
    }

    private float InkWidth(string font, char c) => Math.Max(0.05f, Glyph(font, c).Bounds.Width);

    private SKPath Glyph(string font, char c)
    {
        if (!glyphs.TryGetValue((font, c), out var path))
        {
            path = fonts.Get(font).Glyph(c); // a copy this renderer owns
            glyphs[(font, c)] = path;
        }
        return path;
    }

    private void DrawGaps(SKCanvas canvas, PlateLayout layout, SKColor ink, float h, PlateLook look)
    {
        var mid = (float)(layout.TextTopMm + layout.CharHeightMm / 2);
        var ch = (float)layout.CharHeightMm;
        foreach (var gap in layout.Gaps)
        {
            var cx = (float)(gap.LeftMm + gap.WidthMm / 2);
            switch (gap.Kind)
            {
                case GapKind.Hyphen:
                    SetFill(ink);
                    var hw = (float)gap.WidthMm * 0.32f;
                    canvas.DrawRect(cx - hw, mid - ch * 0.065f, 2 * hw, ch * 0.13f, fill);
                    break;
                case GapKind.Seal:
                    // Inspection sticker above, registration seal below (German plates; Swedish tax sticker).
                    var r = Math.Min((float)gap.WidthMm * 0.42f, h * 0.17f);
                    SetFill(look.StickerColor);
                    canvas.DrawCircle(cx, mid - r * 1.08f, r, fill);
                    SetFill(new SKColor(0xC8, 0xC4, 0xB8));
                    canvas.DrawCircle(cx, mid + r * 1.08f, r, fill);
                    SetStroke(new SKColor(0x60, 0x60, 0x60), r * 0.12f);
                    canvas.DrawCircle(cx, mid + r * 1.08f, r * 0.8f, stroke);
                    break;
                case GapKind.Emblem:
                    SetFill(ink.WithAlpha(200));
                    canvas.DrawCircle(cx, mid - ch * 0.3f, ch * 0.07f, fill);
                    break;
            }
        }
    }

    private void DrawBand(SKCanvas canvas, BandStyle band, SKPath area, SKPath? stars, float x, float h)
    {
        var bw = (float)band.WidthMm;
        SetFill(Convert(band.Background));
        canvas.DrawPath(area, fill);
        var cx = x + bw / 2;
        if (stars is not null)
        {
            SetFill(new SKColor(0xFF, 0xCC, 0x00));
            canvas.DrawPath(stars, fill);
        }
        if (band.Code is { } code && x == 0)
        {
            SetFill(Convert(band.Text));
            var path = TextPath(code);
            var textH = h * 0.24f;
            var scale = Math.Min(textH, bw * 0.8f / Math.Max(path.Bounds.Width, 0.01f));
            canvas.Save();
            canvas.Translate(cx - path.Bounds.MidX * scale, (band.Stars ? h * 0.88f : h * 0.62f) - path.Bounds.Bottom * scale);
            canvas.Scale(scale);
            canvas.DrawPath(path, fill);
            canvas.Restore();
        }
    }

    private void DrawHeader(SKCanvas canvas, string header, PlateStyle style, float headerMm, SKColor color)
    {
        var path = TextPath(header);
        var scale = Math.Min(headerMm * 0.7f, (float)style.WidthMm * 0.6f / Math.Max(path.Bounds.Width, 0.01f));
        SetFill(color);
        canvas.Save();
        canvas.Translate((float)style.WidthMm / 2 - path.Bounds.MidX * scale, headerMm * 0.85f - path.Bounds.Bottom * scale);
        canvas.Scale(scale);
        canvas.DrawPath(path, fill);
        canvas.Restore();
    }

    private void DrawScrews(SKCanvas canvas, float w, float h, bool top)
    {
        var r = h * 0.035f;
        var y = top ? h * 0.1f : h * 0.5f;
        foreach (var x in new[] { w * 0.22f, w * 0.78f })
        {
            SetFill(new SKColor(0xA0, 0xA0, 0xA0));
            canvas.DrawCircle(x, y, r, fill);
            SetFill(new SKColor(0x50, 0x50, 0x50));
            canvas.DrawRect(x - r * 0.7f, y - r * 0.12f, r * 1.4f, r * 0.24f, fill);
        }
    }

    private void DrawDirt(SKCanvas canvas, PlateOutlines shape, float w, float h, PlateLook look)
    {
        if (look.Dirt <= 0) return;
        var random = new DeterministicRandom(look.DirtSeed);
        var blobs = 2 + random.Next(6);
        for (var i = 0; i < blobs; i++)
        {
            SetFill(new SKColor(0x5A, 0x4A, 0x30, (byte)(255 * look.Dirt * random.Uniform(0.1, 0.35))));
            var x = (float)random.Uniform(0, w);
            var y = (float)random.Uniform(0, h);
            var rx = (float)random.Uniform(0.05, 0.3) * h;
            var ry = (float)random.Uniform(0.05, 0.2) * h;
            var oval = new SKRect(x - rx, y - ry, x + rx, y + ry);
            if (shape.Contains(oval))
            {
                canvas.DrawOval(oval, fill);
                continue;
            }
            // A blob over the edge stains only the plate.
            using var builder = new SKPathBuilder();
            builder.AddOval(oval, SKPathDirection.Clockwise);
            using var path = builder.Detach();
            using var cut = shape.Cut(path);
            canvas.DrawPath(cut, fill);
        }
        // A dark film towards the bottom edge, where road spray collects.
        SetFill(new SKColor(0x40, 0x38, 0x28, (byte)(255 * look.Dirt * 0.25)));
        canvas.DrawPath(shape.Film, fill);
    }

    /// <summary>Text drawn with a plain sans-serif (the EU band's code, a state's name), as a cached outline.</summary>
    private SKPath TextPath(string text)
    {
        if (!textPaths.TryGetValue(text, out var path))
        {
            using var typeface = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default;
            using var font = new SKFont(typeface, 100);
            path = font.GetTextPath(text, new SKPoint(0, 0));
            textPaths[text] = path;
        }
        return path;
    }

    private static SKColor Convert(PlateColor c) => new(c.R, c.G, c.B);

    private static SKColor Lerp(PlateColor a, PlateColor b, double t) => new(
        (byte)(a.R + (b.R - a.R) * t), (byte)(a.G + (b.G - a.G) * t), (byte)(a.B + (b.B - a.B) * t));

    // Reflective sheeting never looks flat white: a little darker or warmer per plate.
    private static SKColor Tint(PlateColor c, double sheen) => new(
        (byte)Math.Clamp(c.R * (1 - sheen), 0, 255), (byte)Math.Clamp(c.G * (1 - sheen), 0, 255), (byte)Math.Clamp(c.B * (1 - sheen * 1.4), 0, 255));

    public void Dispose()
    {
        fill.Dispose();
        stroke.Dispose();
        foreach (var o in outlines.Values) o.Dispose();
        foreach (var p in glyphs.Values) p.Dispose();
        foreach (var p in textPaths.Values) p.Dispose();
    }
}
