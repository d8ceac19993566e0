using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// The state name and slogan of a plate with a <see cref="Lettering"/>: any of its faces, weights, sizes and slants,
/// the state name above the serial (on a colour band or not), the slogan below it in italics.
/// </summary>
public sealed partial class PlateRenderer
{
    private readonly Dictionary<(int Face, string Text), FlatOutline> letterings = [];

    // Where a weight repeats the outline, in units of its em (100): bold smears it 2.5 units each way (what a 5-unit
    // stroke gave), outlined draws that smear in ink and the letters in the paper's colour on top.
    // Four copies (not a full ring) keep a heavy state name at about the cost of two plain ones.
    private static readonly (float X, float Y)[] Smear = [(2.5f, 0), (-2.5f, 0), (0, 2.5f), (0, -2.5f)];

    private static readonly SKColor BandText = new(0xF2, 0xF2, 0xEE);

    /// <summary>The state name as large as its share of the plate's height, in the room above the characters (a small
    /// gap kept from them), at most 85 % of the plate's width, a little above the room's middle.</summary>
    private void DrawLettering(string header, Lettering lettering, PlateStyle style, PlateLayout layout, SKColor paper)
    {
        var (w, h) = (style.WidthMm, style.HeightMm);
        var top = 0.03 * h;
        var room = layout.TextTopMm - 0.02 * h - top;
        if (room <= 1) return;
        var size = Math.Min(lettering.SizeShare * h, room);
        var mid = top + size / 2 + (room - size) * 0.3;
        var colour = lettering.Colour;
        if (lettering.Band is { } band)
        {
            FillInside(style, 0, 0, w, mid + size * 0.7, band);
            (colour, paper) = (BandText, band);
        }
        var text = lettering.Capitals ? header.ToUpperInvariant() : header;
        FillSlanted(LetteringOutline(lettering.Face, text), w / 2, mid, size, w * 0.85, lettering.SlantDeg, colour, lettering.Weight, paper);
    }

    /// <summary>The slogan in the strip under the characters, in an italic face, its ink at most 65 % of the strip's
    /// height (and 13 % of the plate's) and 75 % of the plate's width.</summary>
    private void DrawSlogan(string footer, Lettering lettering, PlateStyle style, double textBottomMm, SKColor colour)
    {
        var h = style.HeightMm;
        var strip = h - textBottomMm;
        if (strip <= 1) return;
        FillSlanted(LetteringOutline(lettering.SloganFace, footer), style.WidthMm / 2, textBottomMm + strip / 2,
            Math.Min(strip * 0.65, h * 0.13), style.WidthMm * 0.75, lettering.SloganSlantDeg, colour, LetteringWeight.Regular, colour);
    }

    /// <summary>
    /// <paramref name="outline"/> as large as fits <paramref name="maxHeight"/> and <paramref name="maxWidth"/>, its ink
    /// centred on (<paramref name="cx"/>, <paramref name="cy"/>), slanted to the right by a skew of the placement.
    /// </summary>
    private void FillSlanted(FlatOutline outline, double cx, double cy, double maxHeight, double maxWidth, double slantDeg, SKColor colour,
        LetteringWeight weight, SKColor paper)
    {
        var b = outline.Bounds;
        var k = Math.Tan(slantDeg * Math.PI / 180);
        var scale = Math.Min(maxHeight / Math.Max(b.Height, 0.01), maxWidth / Math.Max(b.Width + k * b.Height, 0.01));
        // x' = x - k y: the top (negative y, above the baseline) leans right.
        var midX = b.MidX - k * b.MidY;
        var place = new Projective(scale, -k * scale, cx - midX * scale, 0, scale, cy - b.MidY * scale, 0, 0, 1);
        if (weight != LetteringWeight.Regular)
            foreach (var (dx, dy) in Smear) Fill(outline, place * Projective.Place(dx, dy, 1, 1), colour);
        Fill(outline, place, weight == LetteringWeight.Outlined ? paper : colour);
    }

    /// <summary>A line of text in the first lettering face, as large as fits <paramref name="maxHeight"/> and
    /// <paramref name="maxWidth"/>, centred on (<paramref name="cx"/>, <paramref name="cy"/>) in plate millimetres
    /// mapped by <paramref name="plateToPixels"/>: what is printed around the plate (a dealer's name on its frame).</summary>
    internal void DrawText(Raster raster, Projective plateToPixels, string text, double cx, double cy, double maxHeight, double maxWidth, SKColor colour)
    {
        target = raster;
        toDevice = plateToPixels;
        FillSlanted(LetteringOutline(0, text), cx, cy, maxHeight, maxWidth, 0, colour, LetteringWeight.Regular, colour);
    }

    private FlatOutline LetteringOutline(int face, string text)
    {
        if (!letterings.TryGetValue((face, text), out var outline))
        {
            using var path = Lettering.Path(face, text);
            outline = new FlatOutline(path);
            letterings[(face, text)] = outline;
        }
        return outline;
    }
}
