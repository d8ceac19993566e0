using System.Numerics;

namespace DeepPlate.Synth;

/// <summary>
/// The pixels whose centres (x + 0.5, y + 0.5) lie inside a quadrilateral (scene pixel coordinates, pixel x covering
/// [x, x + 1), corners in order around it; even-odd rule), as runs along each row: where the row of centres crosses
/// the four edges, then whole runs between pairs of crossings, with no per-pixel inside test.
/// </summary>
public static class QuadSpans
{
    /// <summary>The rows that may hold such pixels, first and last inclusive (last &lt; first: none).</summary>
    public static (int First, int Last) Rows(ReadOnlySpan<Vector2> corners, int height)
    {
        var minY = float.MaxValue;
        var maxY = float.MinValue;
        foreach (var c in corners)
        {
            minY = Math.Min(minY, c.Y);
            maxY = Math.Max(maxY, c.Y);
        }
        return (Math.Max(0, (int)Math.Floor(minY - 0.5f)), Math.Min(height - 1, (int)Math.Ceiling(maxY - 0.5f)));
    }

    /// <summary>Writes the runs of row <paramref name="y"/> as pairs [x0, x1) into <paramref name="bounds"/> (room
    /// for 4) in order along the row, and returns how many numbers it wrote (0, 2 or 4).</summary>
    public static int Columns(ReadOnlySpan<Vector2> corners, int y, int width, Span<int> bounds)
    {
        Span<float> crossings = stackalloc float[4];
        var yc = y + 0.5f;
        var n = 0;
        for (var e = 0; e < 4; e++)
        {
            var a = corners[e];
            var b = corners[(e + 1) & 3];
            // Half-open in y so that a vertex on the scan line counts once.
            if ((a.Y <= yc) == (b.Y <= yc)) continue;
            crossings[n++] = a.X + (yc - a.Y) * (b.X - a.X) / (b.Y - a.Y);
        }
        crossings[..n].Sort();
        var written = 0;
        for (var k = 0; k + 1 < n; k += 2)
        {
            // Centres x + 0.5 in [left, right).
            var x0 = Math.Max(0, (int)Math.Ceiling(crossings[k] - 0.5f));
            var x1 = Math.Min(width, (int)Math.Ceiling(crossings[k + 1] - 0.5f));
            if (x1 <= x0) continue;
            bounds[written++] = x0;
            bounds[written++] = x1;
        }
        return written;
    }
}
