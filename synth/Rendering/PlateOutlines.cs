using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// The parts of a plate that reach its rounded edge, cut to it once per plate style: the outline, the bands, the
/// strip of road film at the bottom, the EU star ring. Cutting them ahead lets the renderer draw without an
/// anti-aliased clip, which Skia otherwise applies to every later draw (half the rendering time, measured).
/// Paths belong to one renderer (Skia paths must not be shared across threads).
/// </summary>
internal sealed class PlateOutlines : IDisposable
{
    /// <summary>Where the road film on the plate's lower part begins, as a share of the height.</summary>
    public const float FilmTop = 0.8f;

    private PlateOutlines(PlateStyle style)
    {
        var w = (float)style.WidthMm;
        var h = (float)style.HeightMm;
        var r = (float)style.CornerRadiusMm;
        Plate = new SKRoundRect(new SKRect(0, 0, w, h), r);
        using var outline = new SKPathBuilder();
        outline.AddRoundRect(Plate);
        Outline = outline.Detach();
        if (style.Band is { } band) LeftBand = Cut(SKRect.Create(0, 0, (float)band.WidthMm, h));
        if (style.RightBand is { } right) RightBand = Cut(SKRect.Create(w - (float)right.WidthMm, 0, (float)right.WidthMm, h));
        Film = Cut(new SKRect(0, h * FilmTop, w, h));
        if (style.Band is { Stars: true } starred) Stars = StarRing((float)starred.WidthMm, h);
    }

    public SKRoundRect Plate { get; }

    public SKPath Outline { get; }

    public SKPath? LeftBand { get; }

    public SKPath? RightBand { get; }

    public SKPath Film { get; }

    /// <summary>The twelve stars of the EU band, in plate millimetres.</summary>
    public SKPath? Stars { get; }

    /// <summary>The outlines of <paramref name="style"/>, made on first use and kept in <paramref name="cache"/>.</summary>
    public static PlateOutlines For(PlateStyle style, Dictionary<PlateStyle, PlateOutlines> cache)
    {
        if (!cache.TryGetValue(style, out var outlines))
        {
            outlines = new PlateOutlines(style);
            cache[style] = outlines;
        }
        return outlines;
    }

    /// <summary><paramref name="shape"/> cut to the plate's rounded outline.</summary>
    public SKPath Cut(SKPath shape) => shape.Op(Outline, SKPathOp.Intersect) ?? new SKPath();

    /// <summary>Whether <paramref name="bounds"/> lies inside the plate, corners included: nothing to cut.</summary>
    public bool Contains(SKRect bounds) => Plate.Contains(bounds);

    private SKPath Cut(SKRect rect)
    {
        using var builder = new SKPathBuilder();
        builder.AddRect(rect);
        using var path = builder.Detach();
        return Cut(path);
    }

    private static SKPath StarRing(float bandWidth, float h)
    {
        var cx = bandWidth / 2;
        var ringR = bandWidth * 0.3f;
        var cy = h * 0.32f;
        var starR = bandWidth * 0.055f;
        using var builder = new SKPathBuilder();
        for (var i = 0; i < 12; i++)
        {
            var a = i * MathF.PI / 6;
            var sx = cx + ringR * MathF.Sin(a);
            var sy = cy - ringR * MathF.Cos(a);
            for (var k = 0; k < 10; k++)
            {
                var r = (k % 2 == 0 ? 1f : 0.4f) * starR;
                var b = k * MathF.PI / 5;
                var p = new SKPoint(sx + r * MathF.Sin(b), sy - r * MathF.Cos(b));
                if (k == 0) builder.MoveTo(p);
                else builder.LineTo(p);
            }
            builder.Close();
        }
        return builder.Detach();
    }

    public void Dispose()
    {
        Plate.Dispose();
        Outline.Dispose();
        LeftBand?.Dispose();
        RightBand?.Dispose();
        Film.Dispose();
        Stars?.Dispose();
    }
}
