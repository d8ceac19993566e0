using System.Numerics;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// A filled shape as closed polygons: a Skia path with its curves flattened, at the fineness a drawing needs (a
/// finer level per factor 4 of magnification, each built on first use). Overlaps are removed first (Skia's
/// Simplify), so the contours do not overlap and the rasteriser's even-odd rule fills exactly the path.
/// Not thread-safe (each renderer keeps its own).
/// </summary>
public sealed class FlatOutline
{
    /// <summary>Largest distance of a flattened curve from the true one, in device pixels.</summary>
    public const float TolerancePx = 0.06f;

    private const int Levels = 8;

    private readonly List<Segment> segments = [];
    private readonly Polygon?[] levels = new Polygon?[Levels];
    private readonly float coarsest;

    /// <summary>Takes the shape of <paramref name="path"/> (the path itself is left alone).</summary>
    /// <param name="path">The shape.</param>
    /// <param name="simplify">Remove overlapping contours first; false only for shapes known to have none (a
    /// rounded rectangle, a circle), to save the cost.</param>
    public FlatOutline(SKPath path, bool simplify = true)
    {
        using var simple = (simplify ? path.Simplify() : null) ?? new SKPath(path);
        Bounds = simple.TightBounds;
        var size = Math.Max(Bounds.Width, Bounds.Height);
        coarsest = Math.Max(size, 1e-6f) / 64;
        Read(simple);
    }

    /// <summary>The ink's bounds in the path's own units.</summary>
    public SKRect Bounds { get; }

    public bool IsEmpty => segments.Count == 0;

    /// <summary>The polygons at a fineness fit for <paramref name="pixelsPerUnit"/> device pixels per path unit.</summary>
    public Polygon At(double pixelsPerUnit)
    {
        var level = 0;
        var tolerance = coarsest;
        while (level < Levels - 1 && tolerance * pixelsPerUnit > TolerancePx)
        {
            level++;
            tolerance /= 4;
        }
        return levels[level] ??= Flatten(tolerance);
    }

    private void Read(SKPath path)
    {
        using var iterator = path.CreateRawIterator();
        Span<SKPoint> p = stackalloc SKPoint[4];
        SKPathVerb verb;
        while ((verb = iterator.Next(p)) != SKPathVerb.Done)
        {
            switch (verb)
            {
                case SKPathVerb.Move:
                    segments.Add(new Segment(SKPathVerb.Move, p[0], default, default, default, 0));
                    break;
                case SKPathVerb.Line:
                    segments.Add(new Segment(SKPathVerb.Line, p[0], p[1], default, default, 0));
                    break;
                case SKPathVerb.Quad:
                    segments.Add(new Segment(SKPathVerb.Quad, p[0], p[1], p[2], default, 0));
                    break;
                case SKPathVerb.Conic:
                    segments.Add(new Segment(SKPathVerb.Conic, p[0], p[1], p[2], default, iterator.ConicWeight()));
                    break;
                case SKPathVerb.Cubic:
                    segments.Add(new Segment(SKPathVerb.Cubic, p[0], p[1], p[2], p[3], 0));
                    break;
            }
        }
    }

    private Polygon Flatten(float tolerance)
    {
        var points = new List<Vector2>();
        var ends = new List<int>();
        foreach (var s in segments)
        {
            switch (s.Verb)
            {
                case SKPathVerb.Move:
                    if (points.Count > 0 && (ends.Count == 0 || ends[^1] != points.Count)) ends.Add(points.Count);
                    points.Add(V(s.P0));
                    break;
                case SKPathVerb.Line:
                    points.Add(V(s.P1));
                    break;
                case SKPathVerb.Quad:
                case SKPathVerb.Conic:
                {
                    // Deviation of a quadratic from its chord is a quarter of |p0 - 2 p1 + p2|; n pieces cut it by n^2.
                    var n = Pieces((V(s.P0) - 2 * V(s.P1) + V(s.P2)).Length() / 4, tolerance);
                    var w = s.Verb == SKPathVerb.Conic ? s.Weight : 1f;
                    for (var i = 1; i <= n; i++)
                    {
                        var t = (float)i / n;
                        var u = 1 - t;
                        var a = u * u;
                        var b = 2 * w * t * u;
                        var c = t * t;
                        points.Add((a * V(s.P0) + b * V(s.P1) + c * V(s.P2)) / (a + b + c));
                    }
                    break;
                }
                case SKPathVerb.Cubic:
                {
                    var d1 = (V(s.P0) - 2 * V(s.P1) + V(s.P2)).Length();
                    var d2 = (V(s.P1) - 2 * V(s.P2) + V(s.P3)).Length();
                    var n = Pieces(0.75f * Math.Max(d1, d2), tolerance);
                    for (var i = 1; i <= n; i++)
                    {
                        var t = (float)i / n;
                        var u = 1 - t;
                        points.Add(u * u * u * V(s.P0) + 3 * u * u * t * V(s.P1) + 3 * u * t * t * V(s.P2) + t * t * t * V(s.P3));
                    }
                    break;
                }
            }
        }
        if (points.Count > 0 && (ends.Count == 0 || ends[^1] != points.Count)) ends.Add(points.Count);
        return new Polygon([.. points], [.. ends]);
    }

    private static int Pieces(float deviation, float tolerance) => Math.Clamp((int)MathF.Ceiling(MathF.Sqrt(deviation / tolerance)), 1, 256);

    private static Vector2 V(SKPoint p) => new(p.X, p.Y);

    private readonly record struct Segment(SKPathVerb Verb, SKPoint P0, SKPoint P1, SKPoint P2, SKPoint P3, float Weight);
}

/// <summary>Closed polygons: <see cref="Points"/> with each contour ending (exclusive) at the next entry of <see cref="Ends"/>.</summary>
public sealed record Polygon(Vector2[] Points, int[] Ends);
