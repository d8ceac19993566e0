using System.Numerics;

namespace DeepPlate.Inference.Tests.Preprocessing;

/// <summary>
/// The rectification written the plain way (every footprint and sample mapped on its own, checked indexing): what
/// <see cref="Rectifier"/> computes, kept to compare its fast version against.
/// </summary>
internal static class ReferenceRectifier
{
    public static float[] Rectify(float[] image, int width, int height, Vector2[] corners, int outWidth, int outHeight)
    {
        var map = Homography.SquareToQuad(corners[0], corners[1], corners[2], corners[3]);
        var output = new float[outWidth * outHeight];
        for (var v = 0; v < outHeight; v++)
        {
            for (var u = 0; u < outWidth; u++)
            {
                double fu = (u + 0.5) / outWidth, fv = (v + 0.5) / outHeight;
                var centre = map.Map(fu, fv);
                var nu = Math.Clamp((int)MathF.Ceiling((map.Map(fu + 1.0 / outWidth, fv) - centre).Length()), 1, 8);
                var nv = Math.Clamp((int)MathF.Ceiling((map.Map(fu, fv + 1.0 / outHeight) - centre).Length()), 1, 8);
                var acc = 0.0;
                for (var j = 0; j < nv; j++)
                {
                    for (var i = 0; i < nu; i++)
                    {
                        var p = map.Map((u + (i + 0.5) / nu) / outWidth, (v + (j + 0.5) / nv) / outHeight);
                        acc += Bilinear(image, width, height, p.X - 0.5f, p.Y - 0.5f);
                    }
                }
                output[v * outWidth + u] = (float)(acc / (nu * nv));
            }
        }
        var mean = output.Average();
        var std = Math.Sqrt(output.Select(x => (x - mean) * (x - mean)).Average());
        var scale = 1 / Math.Max(std, 0.02);
        return [.. output.Select(x => (float)((x - mean) * scale))];
    }

    private static float Bilinear(float[] image, int width, int height, float x, float y)
    {
        x = Math.Clamp(x, 0, width - 1);
        y = Math.Clamp(y, 0, height - 1);
        int x0 = (int)x, y0 = (int)y;
        int x1 = Math.Min(x0 + 1, width - 1), y1 = Math.Min(y0 + 1, height - 1);
        float fx = x - x0, fy = y - y0;
        var top = image[y0 * width + x0] * (1 - fx) + image[y0 * width + x1] * fx;
        var bottom = image[y1 * width + x0] * (1 - fx) + image[y1 * width + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
