using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// The outlines of one plate style, made once: the plate, its bands and the strip of road film at the bottom (cut to
/// the rounded corners), the EU star ring and the border. Kept by one renderer (not thread-safe).
/// </summary>
internal sealed class PlateOutlines : IDisposable
{
    /// <summary>Where the road film on the plate's lower part begins, as a share of the height.</summary>
    public const float FilmTop = 0.8f;

    private readonly SKRoundRect plateRect;
    private readonly SKPath plate;

    private PlateOutlines(PlateStyle style)
    {
        var w = (float)style.WidthMm;
        var h = (float)style.HeightMm;
        var r = (float)style.CornerRadiusMm;
        plateRect = new SKRoundRect(new SKRect(0, 0, w, h), r);
        using (var builder = new SKPathBuilder())
        {
            builder.AddRoundRect(plateRect, SKPathDirection.Clockwise);
            plate = builder.Detach();
        }
        Plate = new FlatOutline(plate);
        if (style.Band is { } band) LeftBand = CutRect(SKRect.Create(0, 0, (float)band.WidthMm, h));
        if (style.RightBand is { } right) RightBand = CutRect(SKRect.Create(w - (float)right.WidthMm, 0, (float)right.WidthMm, h));
        Film = CutRect(new SKRect(0, h * FilmTop, w, h));
        if (style.Band is { Stars: true } starred) Stars = StarRing((float)starred.WidthMm, h);
        if (style.Border is not null) Border = BorderOutline(style, w, h, r);
    }

    public FlatOutline Plate { get; }

    public FlatOutline? LeftBand { get; }

    public FlatOutline? RightBand { get; }

    public FlatOutline Film { get; }

    /// <summary>The twelve stars of the EU band, in plate millimetres.</summary>
    public FlatOutline? Stars { get; }

    /// <summary>The border line just inside the plate's edge.</summary>
    public FlatOutline? Border { get; }

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

    /// <summary>Whether <paramref name="bounds"/> lies inside the plate, corners included: nothing to cut.</summary>
    public bool Contains(SKRect bounds) => plateRect.Contains(bounds);

    /// <summary><paramref name="shape"/> cut to the plate's rounded outline.</summary>
    public FlatOutline Cut(SKPath shape)
    {
        using var cut = shape.Op(plate, SKPathOp.Intersect) ?? new SKPath();
        return new FlatOutline(cut);
    }

    private FlatOutline CutRect(SKRect rect)
    {
        using var builder = new SKPathBuilder();
        builder.AddRect(rect, SKPathDirection.Clockwise);
        using var path = builder.Detach();
        return Cut(path);
    }

    private static FlatOutline StarRing(float bandWidth, float h)
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
        using var path = builder.Detach();
        return new FlatOutline(path);
    }

    private static FlatOutline BorderOutline(PlateStyle style, float w, float h, float radius)
    {
        var bw = (float)style.BorderMm;
        var inset = bw / 2 + 0.012f * h;
        var r = Math.Max(0, radius - inset);
        using var builder = new SKPathBuilder();
        builder.AddRoundRect(new SKRect(inset, inset, w - inset, h - inset), r, r, SKPathDirection.Clockwise);
        using var line = builder.Detach();
        using var paint = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = bw };
        using var stroked = paint.GetFillPath(line);
        return new FlatOutline(stroked);
    }

    public void Dispose()
    {
        plateRect.Dispose();
        plate.Dispose();
    }
}
