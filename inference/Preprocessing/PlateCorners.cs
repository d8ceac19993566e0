using System.Globalization;
using System.Numerics;

namespace DeepPlate.Inference;

/// <summary>
/// The four corners a user clicks, in picture pixels (x right, y down; pixel x covers [x, x + 1)), clockwise on
/// screen from the top-left: top-left, top-right, bottom-right, bottom-left. <see cref="Validate"/> refuses what
/// cannot be a plate, each problem with its own message, before anything is rectified.
/// </summary>
public static class PlateCorners
{
    /// <summary>
    /// How far outside the picture (in pixels) a corner may lie: a click on the outermost pixel's far edge, or a
    /// browser's rounding when it scales the picture, lands up to about a pixel out. The rectifier clamps its
    /// samples to the picture, so such a corner reads the edge pixels.
    /// </summary>
    public const float OutsideTolerance = 1f;

    /// <summary>Corners closer than this (pixels) are the same point.</summary>
    public const float MinDistance = 0.5f;

    /// <summary>
    /// Three corners whose turn is within this angle of a straight line are collinear: sin(1°). A real plate's
    /// corners turn by about 90°; even a strongly foreshortened one by far more than 1°.
    /// </summary>
    private const float CollinearSine = 0.017452406f;

    /// <summary>The whole picture as the plate ("select all"): its four outer corners.</summary>
    public static Vector2[] WholeImage(int width, int height) => [new(0, 0), new(width, 0), new(width, height), new(0, height)];

    /// <exception cref="CornerException">Not four finite corners inside the picture, forming a convex quadrilateral
    /// in clockwise order.</exception>
    public static void Validate(ReadOnlySpan<Vector2> corners, int width, int height)
    {
        if (corners.Length != 4) throw new CornerException($"a plate has 4 corners, not {corners.Length}");
        for (var i = 0; i < 4; i++)
        {
            var c = corners[i];
            if (!float.IsFinite(c.X) || !float.IsFinite(c.Y)) throw new CornerException($"corner {i + 1} ({Show(c)}) is not a finite point");
            if (c.X < -OutsideTolerance || c.Y < -OutsideTolerance || c.X > width + OutsideTolerance || c.Y > height + OutsideTolerance)
            {
                throw new CornerException($"corner {i + 1} ({Show(c)}) is outside the {width} x {height} picture");
            }
        }
        for (var i = 0; i < 4; i++)
        {
            for (var j = i + 1; j < 4; j++)
            {
                if (Vector2.Distance(corners[i], corners[j]) < MinDistance)
                {
                    throw new CornerException($"corners {i + 1} and {j + 1} are the same point ({Show(corners[i])})");
                }
            }
        }
        for (var i = 0; i < 4; i++)
        {
            var a = corners[(i + 3) % 4];
            var b = corners[i];
            var c = corners[(i + 1) % 4];
            var turn = Cross(b - a, c - b);
            if (MathF.Abs(turn) <= CollinearSine * (b - a).Length() * (c - b).Length())
            {
                throw new CornerException($"corners {(i + 3) % 4 + 1}, {i + 1} and {(i + 1) % 4 + 1} lie on one line ({Show(a)}, {Show(b)}, {Show(c)})");
            }
        }
        if (Crosses(corners[0], corners[1], corners[2], corners[3]))
        {
            throw new CornerException("edges 1-2 and 3-4 cross each other: the corners are not in order around the plate (give them clockwise from the top-left)");
        }
        if (Crosses(corners[1], corners[2], corners[3], corners[0]))
        {
            throw new CornerException("edges 2-3 and 4-1 cross each other: the corners are not in order around the plate (give them clockwise from the top-left)");
        }
        // Shoelace sum: positive when the corners run clockwise on screen (y down).
        var area = 0f;
        for (var i = 0; i < 4; i++) area += Cross(corners[i], corners[(i + 1) % 4]);
        if (area < 0)
        {
            throw new CornerException("the corners run counter-clockwise; give them clockwise from the top-left (top-left, top-right, bottom-right, bottom-left)");
        }
        for (var i = 0; i < 4; i++)
        {
            if (Cross(corners[i] - corners[(i + 3) % 4], corners[(i + 1) % 4] - corners[i]) < 0)
            {
                throw new CornerException($"corner {i + 1} ({Show(corners[i])}) points inwards: a plate's corners form a convex quadrilateral");
            }
        }
    }

    /// <summary>Parses <c>"x1,y1 x2,y2 x3,y3 x4,y4"</c> (invariant culture, any whitespace between points).</summary>
    /// <exception cref="CornerException">Not four points.</exception>
    public static Vector2[] Parse(string text)
    {
        var points = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (points.Length != 4) throw new CornerException($"corners '{text}': expected 4 points 'x,y' separated by spaces, found {points.Length}");
        var corners = new Vector2[4];
        for (var i = 0; i < 4; i++)
        {
            var xy = points[i].Split(',');
            if (xy.Length != 2
                || !float.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !float.TryParse(xy[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            {
                throw new CornerException($"corners '{text}': point {i + 1} '{points[i]}' is not 'x,y' (two numbers, a dot for decimals)");
            }
            corners[i] = new Vector2(x, y);
        }
        return corners;
    }

    /// <summary>The corners as <see cref="Parse"/> reads them, shortest round-trip numbers.</summary>
    public static string Format(ReadOnlySpan<Vector2> corners)
    {
        var parts = new string[corners.Length];
        for (var i = 0; i < corners.Length; i++) parts[i] = Show(corners[i]);
        return string.Join(' ', parts);
    }

    private static string Show(Vector2 p) => string.Create(CultureInfo.InvariantCulture, $"{p.X},{p.Y}");

    private static float Cross(Vector2 a, Vector2 b) => a.X * b.Y - a.Y * b.X;

    /// <summary>Whether segments pq and rs cross at a point inside both (touching ends do not count; collinear
    /// corners are refused before this is asked).</summary>
    private static bool Crosses(Vector2 p, Vector2 q, Vector2 r, Vector2 s)
    {
        var d1 = Cross(q - p, r - p);
        var d2 = Cross(q - p, s - p);
        var d3 = Cross(s - r, p - r);
        var d4 = Cross(s - r, q - r);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }
}

/// <summary>Corners that cannot be a plate's: the message says which corner and why.</summary>
public sealed class CornerException(string message) : ArgumentException(message);
