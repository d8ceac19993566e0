using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// Draws a plate in millimetre coordinates onto a canvas whose matrix maps millimetres to pixels (with perspective),
/// so the same code draws the flat specimen and the plate inside a camera's scene. One instance per thread: it
/// keeps its paints.
/// </summary>
public sealed class PlateRenderer(FontCatalog fonts) : IDisposable
{
    // Skia paths are not safe to draw from two threads at once, so each renderer keeps its own copies.
    private readonly Dictionary<(string Font, char Char), SKPath> glyphs = [];
    private readonly Dictionary<string, SKPath> textPaths = [];
    private readonly SKPath star = MakeStar();

    private readonly SKPaint fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };

    /// <summary>Draws the plate: background, bands, border, characters, separators, seals, screws, dirt and wear.</summary>
    /// <param name="header">Text printed above the characters (a US state's name), or null.</param>
    public void Draw(SKCanvas canvas, PlateText text, PlateStyle style, PlateLook look, string? header = null)
    {
        var typeface = text.Template.Typeface;
        var font = typeface.Font;
        var w = (float)style.WidthMm;
        var h = (float)style.HeightMm;
        var radius = (float)style.CornerRadiusMm;
        var plate = new SKRoundRect(new SKRect(0, 0, w, h), radius);

        canvas.Save();
        canvas.ClipRoundRect(plate, antialias: true);
        fill.Color = Tint(style.Background, look.Sheen);
        canvas.DrawRect(0, 0, w, h, fill);
        if (style.Band is { } band) DrawBand(canvas, band, 0, h, left: true);
        if (style.RightBand is { } rightBand) DrawBand(canvas, rightBand, w - (float)rightBand.WidthMm, h, left: false);

        var headerMm = header is null ? 0 : h * 0.2;
        var layout = PlateLayout.Create(text, style, typeface, headerMm);
        var ink = Lerp(style.Text, style.Background, look.Wear * 0.35);
        if (header is not null) DrawHeader(canvas, header, style, (float)headerMm, Lerp(style.Text, style.Background, 0.25));
        DrawCharacters(canvas, font, layout, typeface, ink);
        DrawGaps(canvas, layout, ink, h, look);

        if (style.Border is { } border)
        {
            var bw = (float)style.BorderMm;
            stroke.Color = Convert(border);
            stroke.StrokeWidth = bw;
            var inset = bw / 2 + 0.012f * h;
            canvas.DrawRoundRect(new SKRoundRect(new SKRect(inset, inset, w - inset, h - inset), Math.Max(0, radius - inset)), stroke);
        }
        if (look.Screws) DrawScrews(canvas, w, h, header is not null);
        DrawDirt(canvas, w, h, look);
        canvas.Restore();
    }

    private void DrawCharacters(SKCanvas canvas, string font, PlateLayout layout, Typeface typeface, SKColor ink)
    {
        fill.Color = ink;
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
                    fill.Color = ink;
                    var hw = (float)gap.WidthMm * 0.32f;
                    canvas.DrawRect(cx - hw, mid - ch * 0.065f, 2 * hw, ch * 0.13f, fill);
                    break;
                case GapKind.Seal:
                    // Inspection sticker above, registration seal below (German plates; Swedish tax sticker).
                    var r = Math.Min((float)gap.WidthMm * 0.42f, h * 0.17f);
                    fill.Color = look.StickerColor;
                    canvas.DrawCircle(cx, mid - r * 1.08f, r, fill);
                    fill.Color = new SKColor(0xC8, 0xC4, 0xB8);
                    canvas.DrawCircle(cx, mid + r * 1.08f, r, fill);
                    stroke.Color = new SKColor(0x60, 0x60, 0x60);
                    stroke.StrokeWidth = r * 0.12f;
                    canvas.DrawCircle(cx, mid + r * 1.08f, r * 0.8f, stroke);
                    break;
                case GapKind.Emblem:
                    fill.Color = ink.WithAlpha(200);
                    canvas.DrawCircle(cx, mid - ch * 0.3f, ch * 0.07f, fill);
                    break;
            }
        }
    }

    private void DrawBand(SKCanvas canvas, BandStyle band, float x, float h, bool left)
    {
        var bw = (float)band.WidthMm;
        fill.Color = Convert(band.Background);
        canvas.DrawRect(x, 0, bw, h, fill);
        if (!left) return;
        var cx = x + bw / 2;
        if (band.Stars)
        {
            fill.Color = new SKColor(0xFF, 0xCC, 0x00);
            var ringR = bw * 0.3f;
            var cy = h * 0.32f;
            for (var i = 0; i < 12; i++)
            {
                var a = i * MathF.PI / 6;
                canvas.Save();
                canvas.Translate(cx + ringR * MathF.Sin(a), cy - ringR * MathF.Cos(a));
                canvas.Scale(bw * 0.055f);
                canvas.DrawPath(star, fill);
                canvas.Restore();
            }
        }
        if (band.Code is { } code)
        {
            fill.Color = Convert(band.Text);
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
        fill.Color = color;
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
            fill.Color = new SKColor(0xA0, 0xA0, 0xA0);
            canvas.DrawCircle(x, y, r, fill);
            fill.Color = new SKColor(0x50, 0x50, 0x50);
            canvas.DrawRect(x - r * 0.7f, y - r * 0.12f, r * 1.4f, r * 0.24f, fill);
        }
    }

    private void DrawDirt(SKCanvas canvas, float w, float h, PlateLook look)
    {
        if (look.Dirt <= 0) return;
        var random = new DeterministicRandom(look.DirtSeed);
        var blobs = 2 + random.Next(6);
        for (var i = 0; i < blobs; i++)
        {
            fill.Color = new SKColor(0x5A, 0x4A, 0x30, (byte)(255 * look.Dirt * random.Uniform(0.1, 0.35)));
            var x = (float)random.Uniform(0, w);
            var y = (float)random.Uniform(0, h);
            canvas.DrawOval(x, y, (float)random.Uniform(0.05, 0.3) * h, (float)random.Uniform(0.05, 0.2) * h, fill);
        }
        // A dark film towards the bottom edge, where road spray collects.
        fill.Color = new SKColor(0x40, 0x38, 0x28, (byte)(255 * look.Dirt * 0.25));
        canvas.DrawRect(0, h * 0.8f, w, h * 0.2f, fill);
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

    private static SKPath MakeStar()
    {
        using var path = new SKPathBuilder();
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? 1f : 0.4f;
            var a = i * MathF.PI / 5;
            var p = new SKPoint(r * MathF.Sin(a), -r * MathF.Cos(a));
            if (i == 0) path.MoveTo(p);
            else path.LineTo(p);
        }
        path.Close();
        return path.Detach();
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
        star.Dispose();
        foreach (var p in glyphs.Values) p.Dispose();
        foreach (var p in textPaths.Values) p.Dispose();
    }
}

/// <summary>The per-plate look beyond its format: screws, wear, dirt, sheeting tint, sticker colour.</summary>
public sealed record PlateLook(bool Screws, double Wear, double Dirt, ulong DirtSeed, double Sheen, SKColor StickerColor)
{
    public static readonly PlateLook Clean = new(false, 0, 0, 0, 0, new SKColor(0x2E, 0x8B, 0x57));

    private static readonly SKColor[] StickerColors =
    [
        new(0xE8, 0x9B, 0x1A), new(0x2E, 0x8B, 0x57), new(0x1F, 0x5F, 0xBF), new(0xD2, 0x4A, 0x8C),
        new(0x8B, 0x5A, 0x2B), new(0xE0, 0xD0, 0x20),
    ];

    public static PlateLook Sample(ref DeterministicRandom random) => new(
        Screws: random.NextDouble() < 0.4,
        Wear: random.NextDouble() < 0.3 ? random.Uniform(0, 1) : 0,
        Dirt: random.NextDouble() < 0.35 ? random.Uniform(0, 1) : 0,
        DirtSeed: random.NextUInt64(),
        Sheen: random.Uniform(0, 0.12),
        StickerColor: StickerColors[random.Next(StickerColors.Length)]);
}
