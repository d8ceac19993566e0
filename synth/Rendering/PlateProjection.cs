using System.Numerics;

namespace DeepPlate.Synth;

/// <summary>
/// How a camera sees the plate: the plate (in millimetres) turned by yaw, pitch and roll in front of a pinhole
/// camera, then scaled so that the projected plate is <c>WidthPx</c> pixels wide and shifted into a scene with a
/// margin around it. One matrix, so the renderer draws the plate straight into the low-resolution scene (the fused
/// warp and downscale of platform-notes §4), with exact area coverage doing the sampling.
/// </summary>
public sealed record PlateProjection(Projective Matrix, Vector2[] Corners, int SceneWidth, int SceneHeight)
{
    /// <summary>Camera distance in plate widths: sets how strong the keystone of a turned plate is.</summary>
    public const double CameraDistance = 3.0;

    /// <param name="pixelAspect">The height of a scene pixel against its width, inverted: the frame's rows stretched by
    /// this factor after the camera (a frame resized to another aspect), the plate's width in pixels kept.</param>
    public static PlateProjection Create(double plateWidthMm, double plateHeightMm, Degradations d, double marginLeft, double marginTop, double marginRight, double marginBottom,
        double pixelAspect = 1)
    {
        var yaw = d.YawDeg * Math.PI / 180;
        var pitch = d.PitchDeg * Math.PI / 180;
        var roll = d.RollDeg * Math.PI / 180;
        var r = Matrix4x4.CreateRotationZ((float)roll) * Matrix4x4.CreateRotationX((float)pitch) * Matrix4x4.CreateRotationY((float)yaw);
        // Columns of the rotation acting on the plate's x and y axes (System.Numerics multiplies row vectors).
        var r1 = new Vector3(r.M11, r.M12, r.M13);
        var r2 = new Vector3(r.M21, r.M22, r.M23);
        var dist = CameraDistance * plateWidthMm;
        var c = new Vector3(0, 0, (float)dist) - (float)(plateWidthMm / 2) * r1 - (float)(plateHeightMm / 2) * r2;

        // Perspective map (x, y, 1) -> (f r1.x x + f r2.x y + f c.x, ..., r1.z x + r2.z y + c.z), f = dist.
        double[] m =
        [
            dist * r1.X, dist * r2.X, dist * c.X,
            dist * r1.Y, dist * r2.Y, dist * c.Y,
            r1.Z, r2.Z, c.Z,
        ];
        Span<Vector2> projected = stackalloc Vector2[4];
        Span<Vector2> plate = [new(0, 0), new((float)plateWidthMm, 0), new((float)plateWidthMm, (float)plateHeightMm), new(0, (float)plateHeightMm)];
        for (var i = 0; i < 4; i++) projected[i] = Apply(m, plate[i]);
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        foreach (var p in projected)
        {
            minX = Math.Min(minX, p.X);
            maxX = Math.Max(maxX, p.X);
            minY = Math.Min(minY, p.Y);
            maxY = Math.Max(maxY, p.Y);
        }

        var scale = d.WidthPx / (maxX - minX);
        var scaleY = scale * pixelAspect;
        var heightPx = (maxY - minY) * scaleY;
        // Margins in plate heights as the camera framed them: the side ones in columns, which the squash keeps.
        var framedHeightPx = (maxY - minY) * scale;
        var left = marginLeft * framedHeightPx;
        var top = marginTop * heightPx;
        var sceneW = Math.Max(1, (int)Math.Ceiling(left + d.WidthPx + marginRight * framedHeightPx));
        var sceneH = Math.Max(1, (int)Math.Ceiling(top + heightPx + marginBottom * heightPx));

        // Scene = A * m with A = (scale, scaleY), then translate the bounding box to (left, top).
        var tx = left - minX * scale;
        var ty = top - minY * scaleY;
        double[] h =
        [
            scale * m[0] + tx * m[6], scale * m[1] + tx * m[7], scale * m[2] + tx * m[8],
            scaleY * m[3] + ty * m[6], scaleY * m[4] + ty * m[7], scaleY * m[5] + ty * m[8],
            m[6], m[7], m[8],
        ];
        var matrix = new Projective(h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8]);
        var corners = new Vector2[4];
        for (var i = 0; i < 4; i++) corners[i] = Apply(h, plate[i]);
        return new PlateProjection(matrix, corners, sceneW, sceneH);
    }

    private static Vector2 Apply(double[] h, Vector2 p)
    {
        var w = h[6] * p.X + h[7] * p.Y + h[8];
        return new Vector2((float)((h[0] * p.X + h[1] * p.Y + h[2]) / w), (float)((h[3] * p.X + h[4] * p.Y + h[5]) / w));
    }
}
