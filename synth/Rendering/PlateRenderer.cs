using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// Draws a plate given in millimetres into a <see cref="Raster"/> through a map from millimetres to pixels (with
/// perspective for a camera's view, a plain scale for a flat specimen), so the same code draws both. One instance
/// per thread: it keeps its outlines and rasteriser.
/// </summary>
/// <remarks>
/// Every shape is a <see cref="FlatOutline"/> (fonts' glyphs, text, the plate's own outlines: made once) filled with
/// exact area coverage by <see cref="CoverageRasterizer"/>: the anti-aliasing Skia would compute, without its cost
/// for shapes in perspective. A grey raster takes each colour's Rec. 601 luma, which blends as the colours would.
/// </remarks>
public sealed partial class PlateRenderer(FontCatalog fonts) : IDisposable
{
    private readonly Dictionary<(string Font, char Char), FlatOutline> glyphs = [];
    private readonly Dictionary<(string Font, char Char), float> inkWidths = [];
    private readonly Dictionary<(string Font, char Char), FlatOutline> boldGlyphs = [];
    private string[]? fontIds;
    private readonly Dictionary<string, FlatOutline> texts = [];
    private readonly Dictionary<PlateStyle, PlateOutlines> outlines = new(ReferenceEqualityComparer.Instance);
    private readonly FlatOutline square = Shape(b => b.AddRect(new SKRect(0, 0, 1, 1), SKPathDirection.Clockwise));
    private readonly FlatOutline circle = Shape(b => b.AddCircle(0, 0, 1, SKPathDirection.Clockwise));

    // A ring of radius 0.8 and width 0.12 around a unit circle's centre: the registration seal's rim.
    private readonly FlatOutline sealRim = Shape(b =>
    {
        b.AddCircle(0, 0, 0.86f, SKPathDirection.Clockwise);
        b.AddCircle(0, 0, 0.74f, SKPathDirection.CounterClockwise);
    });

    private FlatOutline? sticker;

    private readonly CoverageRasterizer rasterizer = new();
    private Raster target = null!;
    private Projective toDevice;

    /// <summary>The rasteriser, for what is drawn around the plate (the car, a frame).</summary>
    internal CoverageRasterizer Rasterizer => rasterizer;

    /// <summary>Draws the plate: background, bands, border, characters, separators, seals, screws, dirt and wear.</summary>
    /// <param name="raster">Grey or colour pixels to draw into.</param>
    /// <param name="plateToPixels">Plate millimetres (x right, y down, origin top-left) to raster pixels.</param>
    /// <param name="header">Text printed above the characters (a US state's name), or null.</param>
    /// <returns>Where the characters went (a tight crop frames them).</returns>
    public PlateLayout Draw(Raster raster, Projective plateToPixels, PlateText text, PlateStyle style, PlateLook look, string? header = null)
    {
        target = raster;
        toDevice = plateToPixels;
        var typeface = look.Apply(text.Template.Typeface);
        var w = (float)style.WidthMm;
        var h = (float)style.HeightMm;
        var shape = PlateOutlines.For(style, outlines);

        var headerMm = header is null ? 0 : h * 0.2;
        var layout = Layout(text, style, typeface, headerMm, look);

        var (paper, print) = look.Inverted ? (style.Text, style.Background) : (style.Background, style.Text);
        var sheeting = Tint(paper, look.Sheen);
        Fill(shape.Plate, Projective.Identity, sheeting);
        if (look.Scenery is { } scenery) DrawScenery(scenery, style, layout);
        if (look.PictorialSeed != 0) DrawPictorial(w, h, look.PictorialSeed);
        if (style.Band is { } band) DrawBand(band, shape.LeftBand!, shape.Stars, 0, h, look);
        if (style.RightBand is { } rightBand) DrawBand(rightBand, shape.RightBand!, null, w - (float)rightBand.WidthMm, h, look);

        var ink = Lerp(print, paper, look.Wear * 0.35);
        SetEmboss(look, layout.CharHeightMm, sheeting);
        SetWeight(look, layout.CharHeightMm);
        if (look.Silhouette is { } picture) DrawSilhouette(picture, style, shape, layout);
        if (header is not null && look.Lettering is { } lettering) DrawLettering(header, lettering, style, layout, sheeting);
        else if (header is not null) DrawHeader(header, style, (float)headerMm, Lerp(print, paper, 0.25));
        DrawCharacters(typeface.Font, layout, typeface, ink, look);
        if (look.SideMark is { } mark) DrawSideMark(mark, layout, typeface, ink);
        if (header is not null && look.Footer is { } footer)
        {
            var bottom = (float)(layout.TextTopMm + layout.CharHeightMm);
            if (look.Lettering is { } l) DrawSlogan(footer, l, style, bottom, look.Scenery?.Band is null ? l.Colour : BandText);
            else DrawFooter(footer, style, bottom, Lerp(print, paper, 0.2));
        }
        if (look.Stickers is { } stickers) DrawStickers(stickers, style, layout);
        DrawGaps(style.Seals, layout, ink, look);
        if (look.OccluderSeed != 0) DrawOccluder(layout, look.OccluderSeed);
        if (style.Border is { } border) Fill(shape.Border!, Projective.Identity, Convert(border));
        if (look.Screws) DrawScrews(w, h, header is not null);
        DrawDirt(shape, w, h, look);
        return layout;
    }

    /// <summary>Fills <paramref name="outline"/> placed by <paramref name="place"/> (outline units to plate millimetres); the colour's alpha blends.</summary>
    private void Fill(FlatOutline outline, Projective place, SKColor colour, in GlyphWarp warp = default) =>
        rasterizer.Fill(target, outline, toDevice * place, colour, colour.Alpha / 255f, warp);

    private void FillRect(float x, float y, float w, float h, SKColor colour) => Fill(square, Projective.Place(x, y, w, h), colour);

    private void FillCircle(float cx, float cy, float r, SKColor colour) => Fill(circle, Projective.Place(cx, cy, r, r), colour);

    /// <summary>The characters' places, with room beside them for a side mark and a picture.</summary>
    private static PlateLayout Layout(PlateText text, PlateStyle style, Typeface typeface, double headerMm, PlateLook look)
    {
        var ch = PlateLayout.CharHeightFor(style, typeface, headerMm);
        double left = 0, right = 0;
        if (look.SideMark is { } mark)
        {
            var room = mark.WidthMm(ch, typeface.WidthMm / typeface.HeightMm);
            if (mark.Left) left += room;
            else right += room;
        }
        if (look.Silhouette is { } picture)
        {
            if (picture.Left) left += picture.RoomMm(ch);
            else right += picture.RoomMm(ch);
        }
        return PlateLayout.Create(text, style, typeface, headerMm, left, right, look.Spread);
    }

    private void DrawCharacters(string font, PlateLayout layout, Typeface typeface, SKColor ink, PlateLook look)
    {
        // Scale each glyph so the reference glyph's ink fills the documented character width.
        var letterScale = layout.CharHeightMm * typeface.WidthMm / typeface.HeightMm / InkWidth(font, 'H');
        var digitScale = layout.CharHeightMm * (typeface.DigitWidthMm ?? typeface.WidthMm) / typeface.HeightMm / InkWidth(font, '0');
        for (var i = 0; i < layout.Glyphs.Count; i++)
        {
            var g = layout.Glyphs[i];
            var natural = char.IsAsciiDigit(g.Char) ? typeface.DigitWidthMm ?? typeface.WidthMm : typeface.WidthMm;
            var condensed = g.CellWidthMm / (natural * layout.CharHeightMm / typeface.HeightMm);
            var sx = (char.IsAsciiDigit(g.Char) ? digitScale : letterScale) * condensed;
            // Plate lettering is monospaced: a glyph wider than the reference one (a text font's M or W) is narrowed
            // to its cell instead of running into its neighbours.
            var glyph = look.SerifI && g.Char == 'I' ? SerifI(font) : Glyph(font, g.Char);
            sx = Math.Min(sx, g.CellWidthMm / InkWidth(glyph));
            var warp = look.GlyphWarp > 0 ? new GlyphWarp(glyph.Bounds, (float)look.GlyphWarp, look.GlyphWarpSeed, i) : default;
            FillRaised(glyph, Projective.Place(g.CentreXMm, layout.TextTopMm, sx, layout.CharHeightMm), ink, warp);
        }
    }

    private float InkWidth(string font, char c)
    {
        if (!inkWidths.TryGetValue((font, c), out var width))
        {
            width = InkWidth(Glyph(font, c));
            inkWidths[(font, c)] = width;
        }
        return width;
    }

    // A glyph with (almost) no ink across, such as a hairline I of some font, would scale without bound.
    private static float InkWidth(FlatOutline glyph) => Math.Max(0.05f, glyph.Bounds.Width);

    private FlatOutline Glyph(string font, char c)
    {
        if (!glyphs.TryGetValue((font, c), out var outline))
        {
            using var path = fonts.Get(font).Glyph(c);
            outline = new FlatOutline(path);
            glyphs[(font, c)] = outline;
        }
        return outline;
    }

    private void DrawGaps(SealKind seals, PlateLayout layout, SKColor ink, PlateLook look)
    {
        var mid = (float)(layout.TextTopMm + layout.CharHeightMm / 2);
        var ch = (float)layout.CharHeightMm;
        foreach (var gap in layout.Gaps)
        {
            var cx = (float)(gap.LeftMm + gap.WidthMm / 2);
            switch (gap.Kind)
            {
                case GapKind.Hyphen:
                    var hw = (float)gap.WidthMm * 0.32f;
                    FillRect(cx - hw, mid - ch * 0.065f, 2 * hw, ch * 0.13f, ink);
                    break;
                case GapKind.Seal:
                    // A condensed layout (eight characters) narrows the field: the stickers shrink with it.
                    DrawSeal(cx, mid, Math.Min(ch, (float)gap.WidthMm * 0.75f / 0.51f), seals, look);
                    break;
                case GapKind.Emblem:
                    FillCircle(cx, mid - ch * 0.3f, ch * 0.07f, ink.WithAlpha(200));
                    break;
            }
        }
    }

    /// <summary>
    /// The stickers in a seal gap, sized by the character height <paramref name="ch"/>. A plaque and seal (German
    /// plates): the round inspection plaque (35 mm for 75 mm characters, in the year's colour) above the registration
    /// seal (about 38 mm, silver with the state's arms: judgment), the pair about as tall as the characters. A sticker
    /// (the Swedish tax-sticker gap): one sticker with rounded corners in the middle.
    /// </summary>
    private void DrawSeal(float cx, float mid, float ch, SealKind seals, PlateLook look)
    {
        if (seals == SealKind.Sticker)
        {
            var half = ch * 0.24f;
            Fill(StickerShape(), Projective.Place(cx - half, mid - half, 2 * half, 2 * half), look.StickerColor);
            return;
        }
        var top = ch * 0.47f / 2;
        var bottom = ch * 0.51f / 2;
        var stack = 2 * top + ch * 0.04f + 2 * bottom;
        var topY = mid - stack / 2 + top;
        var bottomY = mid + stack / 2 - bottom;
        FillCircle(cx, topY, top, look.StickerColor);
        FillCircle(cx, bottomY, bottom, new SKColor(0xC8, 0xC4, 0xB8));
        Fill(sealRim, Projective.Place(cx, bottomY, bottom, bottom), new SKColor(0x60, 0x60, 0x60));
        // The state's arms in the seal's middle: a darker, coloured shield.
        FillCircle(cx, bottomY, bottom * 0.42f, look.ArmsColor);
    }

    private FlatOutline StickerShape() => sticker ??= Shape(b => b.AddRoundRect(new SKRect(0, 0, 1, 1), 0.18f, 0.18f, SKPathDirection.Clockwise));

    private void DrawBand(BandStyle band, FlatOutline area, FlatOutline? stars, float x, float h, PlateLook look)
    {
        var bw = (float)band.WidthMm;
        Fill(area, Projective.Identity, Convert(band.Background));
        if (stars is not null) Fill(stars, Projective.Identity, new SKColor(0xFF, 0xCC, 0x00));
        switch (band.Content)
        {
            case BandContent.Code:
                DrawBandCode(band, x, bw, h);
                break;
            case BandContent.Territorial:
                DrawTerritorial(x, bw, h, look);
                break;
            case BandContent.Year:
                DrawYearCircle(band, x, bw, h, look);
                break;
        }
    }

    private void DrawBandCode(BandStyle band, float x, float bw, float h)
    {
        // The country code's capitals about a quarter of the plate's height (at least 20 mm [EU1]) and at most
        // 80 % of the band's width: a narrow code ("I") is limited by its height, a wide one ("NL") by its width.
        var baseline = band.Stars ? h * 0.88f : h * 0.62f;
        FillFitted(band.Code!, x + bw / 2, baseline, true, h * 0.24f, bw * 0.8f, Convert(band.Text));
    }

    private void DrawTerritorial(float x, float bw, float h, PlateLook look)
    {
        // France's territorial identifier, the owner's choice of a department: a regional logo above its
        // number, white on the band [FR1][FR13]. The logo is a plain white tile with a coloured mark.
        var tile = bw * 0.62f;
        Fill(StickerShape(), Projective.Place(x + (bw - tile) / 2, h * 0.14f, tile, tile), SKColors.White);
        FillCircle(x + bw / 2, h * 0.14f + tile / 2, tile * 0.3f, look.ArmsColor);
        FillFitted(TwoDigits(look.BandNumber), x + bw / 2, h * 0.86f, true, h * 0.26f, bw * 0.8f, SKColors.White);
    }

    private void DrawYearCircle(BandStyle band, float x, float bw, float h, PlateLook look)
    {
        // Italy's optional right band: the registration year in a yellow circle [IT7].
        var r = bw * 0.34f;
        FillCircle(x + bw / 2, h * 0.3f, r, new SKColor(0xF2, 0xC0, 0x29));
        FillFitted(TwoDigits(look.BandNumber), x + bw / 2, h * 0.3f, false, r * 0.8f, r * 1.4f, Convert(band.Background));
    }

    private static string TwoDigits(int n) => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private void DrawHeader(string header, PlateStyle style, float headerMm, SKColor color)
    {
        // The state's name fills the band above the characters: its ink (descenders included) at most 75 % of the
        // band's height and 60 % of the plate's width, centred a little below the band's middle, off the top edge.
        FillFitted(header, (float)style.WidthMm / 2, headerMm * 0.58f, false, headerMm * 0.75f, (float)style.WidthMm * 0.6f, color);
    }

    /// <summary>
    /// <paramref name="text"/> scaled as large as fits <paramref name="maxHeight"/> and <paramref name="maxWidth"/>,
    /// its ink centred on <paramref name="cx"/> and its bottom (<paramref name="onBaseline"/>) or middle at <paramref name="y"/>.
    /// </summary>
    private void FillFitted(string text, float cx, float y, bool onBaseline, float maxHeight, float maxWidth, SKColor colour)
    {
        var path = Text(text);
        var b = path.Bounds;
        var scale = Math.Min(maxHeight / Math.Max(b.Height, 0.01f), maxWidth / Math.Max(b.Width, 0.01f));
        Fill(path, Projective.Place(cx - b.MidX * scale, y - (onBaseline ? b.Bottom : b.MidY) * scale, scale, scale), colour);
    }

    /// <summary>Two to five translucent ellipses of random colours, each wholly inside the plate's rectangle less a
    /// corner radius' margin, so no clipping is needed.</summary>
    private void DrawPictorial(float w, float h, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var shapes = 2 + random.Next(4);
        for (var i = 0; i < shapes; i++)
        {
            var rx = (float)random.Uniform(0.08, 0.35) * w;
            var ry = (float)random.Uniform(0.15, 0.45) * h;
            var margin = h * 0.06f;
            var cx = (float)random.Uniform(margin + rx, Math.Max(margin + rx, w - margin - rx));
            var cy = (float)random.Uniform(margin + ry, Math.Max(margin + ry, h - margin - ry));
            var colour = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.NextInclusive(40, 150));
            Fill(circle, Projective.Place(cx, cy, rx, ry), colour);
        }
    }

    /// <summary>
    /// The mark in the room the layout kept beside the characters: letters stacked, each in its box, in the serial's
    /// typeface emboldened to about the serial's stroke weight and in its ink (raised like it); or an emblem, a disc
    /// of a random colour with a smaller shape of another colour on it, as tall as the characters.
    /// </summary>
    private void DrawSideMark(SideMark mark, PlateLayout layout, Typeface typeface, SKColor ink)
    {
        if (layout.Glyphs.Count == 0) return;
        var boxes = mark.Boxes(layout, typeface.WidthMm / typeface.HeightMm);
        if (mark.Stacked)
        {
            var font = fonts.Get(typeface.Font);
            foreach (var (c, x, y, bw, bh) in boxes)
            {
                // A typeface without the letter (a lower-case die) leaves its box empty.
                if (!font.Has(c)) continue;
                var glyph = BoldGlyph(typeface.Font, c);
                var b = glyph.Bounds;
                var s = Math.Min(bh / b.Height, bw / b.Width);
                FillRaised(glyph, Projective.Place(x + bw / 2 - b.MidX * s, y + bh / 2 - b.MidY * s, s, s), ink);
            }
            return;
        }
        var (_, ex, ey, side, _) = boxes[0];
        var random = new DeterministicRandom(mark.ShapeSeed);
        var r = (float)side * 0.5f;
        var (cx, mid) = ((float)(ex + side / 2), (float)(ey + side / 2));
        FillCircle(cx, mid, r, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        var inner = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        var (ix, iy) = ((float)random.Uniform(-0.25, 0.25) * r, (float)random.Uniform(-0.25, 0.25) * r);
        var size = (float)random.Uniform(0.3, 0.6) * r;
        if (random.NextDouble() < 0.5) FillCircle(cx + ix, mid + iy, size, inner);
        else FillRect(cx + ix - size, mid + iy - size * 0.7f, 2 * size, 1.4f * size, inner);
        if (mark.EmblemText is { } text) DrawEmblemText(text, cx, mid, r, random);
    }

    /// <summary>
    /// Characters across an emblem's middle, in another face than the serial's (a catalog font drawn from the mark's
    /// seed), black or white, italic now and then: what a reader must learn is not part of the serial however much it
    /// looks like characters.
    /// </summary>
    private void DrawEmblemText(string text, float cx, float mid, float r, DeterministicRandom random)
    {
        fontIds ??= [.. fonts.Ids];
        var font = fontIds[random.Next(fontIds.Length)];
        var height = r * (float)random.Uniform(0.6, 1.1);
        var ink = random.NextDouble() < 0.5 ? SKColors.White : SKColors.Black;
        var k = random.NextDouble() < 0.3 ? 0.25f : 0f;
        var letters = text.Select(c => fonts.Get(font).Has(c) ? BoldGlyph(font, c) : null).ToArray();
        // Each glyph scaled to the height, the line squeezed to the emblem's width (a tenth of a glyph between them).
        var widths = letters.Select(g => g is null ? 0f : g.Bounds.Width / Math.Max(g.Bounds.Height, 1e-3f) * height).ToArray();
        var total = widths.Sum() * 1.1f;
        var squeeze = Math.Min(1f, 1.8f * r / Math.Max(total, 1e-3f));
        var x = cx - total * squeeze / 2;
        for (var i = 0; i < letters.Length; i++)
        {
            if (letters[i] is { } g)
            {
                var sy = height / Math.Max(g.Bounds.Height, 1e-3f);
                var sx = sy * squeeze;
                // x' = sx (x - left) - k sy (y - bottom) + the glyph's left edge: italic letters lean right about their foot.
                var left = x + widths[i] * squeeze * 0.05f;
                var top = mid - height / 2;
                var place = new Projective(sx, -k * sy, left - sx * g.Bounds.Left + k * sy * g.Bounds.Bottom, 0, sy, top - sy * g.Bounds.Top, 0, 0, 1);
                Fill(g, place, ink);
            }
            x += widths[i] * 1.1f * squeeze;
        }
    }

    /// <summary>A glyph of the plate's typeface thickened by a stroke of 12 % of its cap height: set at under half
    /// the characters' height it keeps about their stroke weight, as the stacked marks of real plates do.</summary>
    private FlatOutline BoldGlyph(string font, char c)
    {
        if (!boldGlyphs.TryGetValue((font, c), out var outline))
        {
            using var path = fonts.Get(font).Glyph(c);
            using var paint = new SKPaint { Style = SKPaintStyle.StrokeAndFill, StrokeWidth = 0.12f, StrokeJoin = SKStrokeJoin.Miter };
            using var bold = paint.GetFillPath(path);
            outline = new FlatOutline(bold);
            boldGlyphs[(font, c)] = outline;
        }
        return outline;
    }

    /// <summary>A flat grey rectangle over one or two neighbouring characters' cells, a little taller than them.</summary>
    private void DrawOccluder(PlateLayout layout, ulong seed)
    {
        if (layout.Glyphs.Count == 0) return;
        var random = new DeterministicRandom(seed);
        var first = random.Next(layout.Glyphs.Count);
        var last = Math.Min(layout.Glyphs.Count - 1, first + random.Next(2));
        var (a, b) = (layout.Glyphs[first], layout.Glyphs[last]);
        var left = (float)(a.CentreXMm - a.CellWidthMm * 0.6);
        var right = (float)(b.CentreXMm + b.CellWidthMm * 0.6);
        var ch = (float)layout.CharHeightMm;
        var grey = (byte)random.NextInclusive(25, 160);
        FillRect(left, (float)layout.TextTopMm - ch * 0.08f, right - left, ch * 1.16f, new SKColor(grey, grey, grey));
    }

    private void DrawFooter(string footer, PlateStyle style, float textBottomMm, SKColor color)
    {
        // The strip under the characters: the words' ink at most 60 % of its height (and 12 % of the plate's), at
        // most 70 % of the plate's width, in its middle.
        var h = (float)style.HeightMm;
        var strip = h - textBottomMm;
        if (strip <= 1) return;
        FillFitted(footer, (float)style.WidthMm / 2, textBottomMm + strip / 2, false, Math.Min(strip * 0.6f, h * 0.12f), (float)style.WidthMm * 0.7f, color);
    }

    private void DrawScrews(float w, float h, bool top)
    {
        var r = h * 0.035f;
        var y = top ? h * 0.1f : h * 0.5f;
        Span<float> xs = [w * 0.22f, w * 0.78f];
        foreach (var x in xs)
        {
            FillCircle(x, y, r, new SKColor(0xA0, 0xA0, 0xA0));
            FillRect(x - r * 0.7f, y - r * 0.12f, r * 1.4f, r * 0.24f, new SKColor(0x50, 0x50, 0x50));
        }
    }

    private void DrawDirt(PlateOutlines shape, float w, float h, PlateLook look)
    {
        if (look.Dirt <= 0) return;
        var random = new DeterministicRandom(look.DirtSeed);
        var blobs = 2 + random.Next(6);
        for (var i = 0; i < blobs; i++)
        {
            var colour = new SKColor(0x5A, 0x4A, 0x30, (byte)(255 * look.Dirt * random.Uniform(0.1, 0.35)));
            var x = (float)random.Uniform(0, w);
            var y = (float)random.Uniform(0, h);
            var rx = (float)random.Uniform(0.05, 0.3) * h;
            var ry = (float)random.Uniform(0.05, 0.2) * h;
            var oval = new SKRect(x - rx, y - ry, x + rx, y + ry);
            if (shape.Contains(oval))
            {
                Fill(circle, Projective.Place(x, y, rx, ry), colour);
                continue;
            }
            // A blob over the edge stains only the plate.
            using var builder = new SKPathBuilder();
            builder.AddOval(oval, SKPathDirection.Clockwise);
            using var path = builder.Detach();
            Fill(shape.Cut(path), Projective.Identity, colour);
        }
        // A dark film towards the bottom edge, where road spray collects.
        Fill(shape.Film, Projective.Identity, new SKColor(0x40, 0x38, 0x28, (byte)(255 * look.Dirt * 0.25)));
    }

    /// <summary>Text set in a plain bold sans-serif (the EU band's code, a state's name), as a cached outline.</summary>
    private FlatOutline Text(string text)
    {
        if (!texts.TryGetValue(text, out var outline))
        {
            using var typeface = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default;
            using var font = new SKFont(typeface, 100);
            using var path = font.GetTextPath(text, new SKPoint(0, 0));
            outline = new FlatOutline(path);
            texts[text] = outline;
        }
        return outline;
    }

    private static FlatOutline Shape(Action<SKPathBuilder> build)
    {
        using var builder = new SKPathBuilder();
        build(builder);
        using var path = builder.Detach();
        return new FlatOutline(path);
    }

    private static SKColor Convert(PlateColor c) => new(c.R, c.G, c.B);

    private static SKColor Mix(SKColor a, SKColor b, double t) => new(
        (byte)(a.Red + (b.Red - a.Red) * t), (byte)(a.Green + (b.Green - a.Green) * t), (byte)(a.Blue + (b.Blue - a.Blue) * t));

    private static SKColor Lerp(PlateColor a, PlateColor b, double t) => new(
        (byte)(a.R + (b.R - a.R) * t), (byte)(a.G + (b.G - a.G) * t), (byte)(a.B + (b.B - a.B) * t));

    // Reflective sheeting never looks flat white: a little darker or warmer per plate.
    private static SKColor Tint(PlateColor c, double sheen) => new(
        (byte)Math.Clamp(c.R * (1 - sheen), 0, 255), (byte)Math.Clamp(c.G * (1 - sheen), 0, 255), (byte)Math.Clamp(c.B * (1 - sheen * 1.4), 0, 255));

    public void Dispose()
    {
        foreach (var o in outlines.Values) o.Dispose();
        pictures?.Dispose();
    }
}
