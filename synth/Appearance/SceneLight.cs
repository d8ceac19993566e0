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
        var normal = new Vector2((float)Math.Cos(angle), (float)Math.Sin(angle));
        var soft = (float)Math.Max(0.5, softPx);
        var keep = (float)(1 - depth);
        var pixels = scene.Pixels;
        for (var y = 0; y < scene.Height; y++)
        {
            var row = pixels.Slice(y * scene.Width, scene.Width);
            for (var x = 0; x < row.Length; x++)
            {
                var d = Vector2.Dot(new Vector2(x + 0.5f, y + 0.5f) - origin, normal) / soft;
                // 0 on the lit side, 1 deep in the shadow, a linear ramp one edge-width wide.
                var t = Math.Clamp(d + 0.5f, 0, 1);
                row[x] *= 1 - t * (1 - keep);
            }
        }
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
