using System.Numerics;

namespace DeepPlate.Synth;

/// <summary>
/// Light that falls on the plate in the scene, before the camera's own degradations: a hard shadow edge across it
/// and a specular glare spot. Both are placed in the plate's own coordinates (0..1 across, 0..1 down, mapped through
/// its four corners), so they follow the plate's perspective; pixels are multiplied or added to in place.
/// </summary>
public static class SceneLight
{
    /// <summary>Darkens by <paramref name="depth"/> the side of a line through plate point (<paramref name="u"/>,
    /// <paramref name="v"/>) at <paramref name="angle"/> radians, with a soft edge of <paramref name="softPx"/> pixels.</summary>
    public static void Shadow(GreyImage scene, ReadOnlySpan<Vector2> corners, double u, double v, double angle, double depth, double softPx)
    {
        var origin = PlatePoint(corners, u, v);
        var soft = Math.Max(0.5, softPx);
        // t = 0 on the lit side, 1 deep in the shadow, a linear ramp one edge-width wide: affine in x along a row, so
        // each row splits into a lit run, a short ramp and a shadowed run, the last scaled as one vector operation.
        var (nx, ny) = (Math.Cos(angle) / soft, Math.Sin(angle) / soft);
        var keep = (float)(1 - depth);
        var pixels = scene.Pixels;
        var width = scene.Width;
        for (var y = 0; y < scene.Height; y++)
        {
            var row = pixels.Slice(y * width, width);
            // t at pixel x of this row: t0 + nx * x.
            var t0 = (0.5 - origin.X) * nx + (y + 0.5 - origin.Y) * ny + 0.5;
            for (var x = 0; x < width;)
            {
                var t = t0 + nx * x;
                if (t >= 1)
                {
                    // The run of fully shadowed pixels from here: up to where t drops below 1 (or the row's end).
                    var end = nx < 0 ? Math.Min(width, (int)Math.Floor((1 - t0) / nx) + 1) : width;
                    end = Math.Max(end, x + 1);
                    Scale(row[x..end], keep);
                    x = end;
                }
                else
                {
                    if (t > 0) row[x] *= (float)(1 - t * (1 - keep));
                    x++;
                }
            }
        }
    }

    /// <summary>Multiplies a run of pixels by <paramref name="factor"/>, a vector at a time.</summary>
    internal static void Scale(Span<float> run, float factor)
    {
        var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<float, Vector<float>>(run);
        for (var k = 0; k < vectors.Length; k++) vectors[k] *= factor;
        for (var i = vectors.Length * Vector<float>.Count; i < run.Length; i++) run[i] *= factor;
    }

    /// <summary>Adds a bright elliptic spot centred on plate point (<paramref name="u"/>, <paramref name="v"/>), of
    /// radius <paramref name="radiusPx"/> (Gaussian fall-off), peak <paramref name="strength"/>.</summary>
    public static void Glare(GreyImage scene, ReadOnlySpan<Vector2> corners, double u, double v, double radiusPx, double strength)
    {
        var centre = PlatePoint(corners, u, v);
        var inv = (float)(1 / (2 * radiusPx * radiusPx));
        var peak = (float)strength;
        var reach = (int)Math.Ceiling(3 * radiusPx);
        var x0 = Math.Max(0, (int)centre.X - reach);
        var x1 = Math.Min(scene.Width, (int)centre.X + reach + 1);
        var y0 = Math.Max(0, (int)centre.Y - reach);
        var y1 = Math.Min(scene.Height, (int)centre.Y + reach + 1);
        var pixels = scene.Pixels;
        for (var y = y0; y < y1; y++)
        {
            var dy = y + 0.5f - centre.Y;
            for (var x = x0; x < x1; x++)
            {
                var dx = x + 0.5f - centre.X;
                pixels[y * scene.Width + x] += peak * MathF.Exp(-(dx * dx + dy * dy) * inv);
            }
        }
    }

    /// <summary>The scene point of plate point (u, v): bilinear between the corners (top-left clockwise).</summary>
    public static Vector2 PlatePoint(ReadOnlySpan<Vector2> c, double u, double v)
    {
        var top = Vector2.Lerp(c[0], c[1], (float)u);
        var bottom = Vector2.Lerp(c[3], c[2], (float)u);
        return Vector2.Lerp(top, bottom, (float)v);
    }
}
