using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// Pictorial plates of the US kind: strong backgrounds (<see cref="Scenery"/>) and a large opaque picture beside the
/// serial (<see cref="Silhouette"/>), from the shapes of <see cref="PictorialShapes"/> made once per renderer.
/// </summary>
public sealed partial class PlateRenderer
{
    private PictorialShapes? pictures;

    private PictorialShapes Pictures => pictures ??= new PictorialShapes();

    /// <summary>Sky gradient (eight strips fading from the top), mountain ridge with lighter ground below it, dark
    /// band along the bottom (kept under the characters).</summary>
    private void DrawScenery(Scenery scenery, PlateStyle style, PlateLayout layout)
    {
        var (w, h) = (style.WidthMm, style.HeightMm);
        var foot = h - Math.Max(style.CornerRadiusMm, 0.02 * h);
        if (scenery.Sky is { } sky)
        {
            const int strips = 8;
            var depth = scenery.SkyDepth * h / strips;
            for (var i = 0; i < strips; i++) FillInside(style, 0, i * depth, w, depth, sky.WithAlpha((byte)(230 * (strips - i) / strips)));
        }
        if (scenery.Ridge >= 0)
        {
            var top = scenery.RidgeTop * h;
            var height = Math.Min(scenery.RidgeHeight * h, foot - top);
            Fill(Pictures.Ridge(scenery.Ridge), Projective.Place(0, top, w, height), scenery.RidgeColour.WithAlpha(210));
            FillInside(style, 0, top + height, w, h - top - height, scenery.RidgeColour.WithAlpha(110));
        }
        if (scenery.Band is { } band)
        {
            var top = Math.Max(scenery.BandTop * h, layout.TextTopMm + layout.CharHeightMm + 0.015 * h);
            if (top < foot) FillInside(style, 0, top, w, h - top, band);
        }
    }

    /// <summary>
    /// A rectangle clipped to the plate without path operations: its rows inside the corner radius from the top or
    /// bottom are narrowed by the radius, so it never leaves the rounded plate (the corners' slivers stay unpainted).
    /// </summary>
    private void FillInside(PlateStyle style, double x, double y, double w, double h, SKColor colour)
    {
        var (pw, ph, r) = (style.WidthMm, style.HeightMm, style.CornerRadiusMm);
        Span<(double Top, double Bottom, double Inset)> rows = [(0, r, r), (r, ph - r, 0), (ph - r, ph, r)];
        foreach (var (top, bottom, inset) in rows)
        {
            var (y0, y1) = (Math.Max(y, top), Math.Min(y + h, bottom));
            var (x0, x1) = (Math.Max(x, inset), Math.Min(x + w, pw - inset));
            if (y1 > y0 && x1 > x0) FillRect((float)x0, (float)y0, (float)(x1 - x0), (float)(y1 - y0), colour);
        }
    }

    /// <summary>The picture in its box beside the serial; one that pokes over the plate's edge is cut to the plate.</summary>
    private void DrawSilhouette(Silhouette picture, PlateStyle style, PlateOutlines shape, PlateLayout layout)
    {
        var ch = layout.CharHeightMm;
        var margin = PlateLayout.Margin(style) + ((picture.Left ? style.Band?.WidthMm : style.RightBand?.WidthMm) ?? 0);
        var (x, y, side) = picture.Box(style.WidthMm, margin, ch, layout.TextTopMm + ch / 2);
        var half = side / 2;
        var place = Projective.Place(x + half, y + half, picture.Mirror ? -half : half, half);
        if (shape.Contains(new SKRect((float)x, (float)y, (float)(x + side), (float)(y + side))))
        {
            Fill(Pictures.Silhouette(picture.Shape), place, picture.Colour);
            return;
        }
        using var path = new SKPath(Pictures.SilhouettePath(picture.Shape));
        path.Transform(new SKMatrix((float)place.M00, 0, (float)place.M02, 0, (float)place.M11, (float)place.M12, 0, 0, 1));
        Fill(shape.Cut(path), Projective.Identity, picture.Colour);
    }
}
