using System.Numerics;

namespace DeepPlate.Inference;

/// <summary>
/// The one preprocessing routine, shared by training and serving: maps the plate's quadrilateral onto the network's
/// input grid, averaging over each output pixel's footprint when shrinking (so a large photo does not alias), then
/// standardises the values so brightness and contrast do not matter.
/// </summary>
public static class Rectifier
{
    /// <summary>Most sub-samples per axis and output pixel: enough for a plate 8x wider than the input.</summary>
    private const int MaxTaps = 8;

    /// <summary>Floor of the standard deviation in standardisation, so a blank crop is not blown up to noise.</summary>
    private const float MinStd = 0.02f;

    /// <param name="image">Grey pixels in [0, 1], row-major, <paramref name="width"/> x <paramref name="height"/>.</param>
    /// <param name="corners">The plate's corners in image pixels, clockwise from the top-left.</param>
    /// <param name="output">The network input, <paramref name="outWidth"/> x <paramref name="outHeight"/>, row-major.</param>
    public static void Rectify(ReadOnlySpan<float> image, int width, int height, ReadOnlySpan<Vector2> corners,
        Span<float> output, int outWidth, int outHeight)
    {
        if (image.Length < width * height) throw new ArgumentException("image is smaller than its size", nameof(image));
        if (corners.Length != 4) throw new ArgumentException("four corners are needed", nameof(corners));
        if (output.Length < outWidth * outHeight) throw new ArgumentException("output is smaller than its size", nameof(output));

        // Pixel centres: image pixel (x, y) covers [x, x+1) so its centre is at x + 0.5.
        var map = Homography.SquareToQuad(corners[0], corners[1], corners[2], corners[3]);
        double sum = 0, sumSq = 0;
        for (var v = 0; v < outHeight; v++)
        {
            for (var u = 0; u < outWidth; u++)
            {
                double fu = (u + 0.5) / outWidth, fv = (v + 0.5) / outHeight;
                var centre = map.Map(fu, fv);
                var du = map.Map(fu + 1.0 / outWidth, fv) - centre;
                var dv = map.Map(fu, fv + 1.0 / outHeight) - centre;
                var nu = Math.Clamp((int)MathF.Ceiling(du.Length()), 1, MaxTaps);
                var nv = Math.Clamp((int)MathF.Ceiling(dv.Length()), 1, MaxTaps);
                float acc = 0;
                for (var j = 0; j < nv; j++)
                {
                    var sv = (v + (j + 0.5) / nv) / outHeight;
                    for (var i = 0; i < nu; i++)
                    {
                        var p = map.Map((u + (i + 0.5) / nu) / outWidth, sv);
                        acc += Bilinear(image, width, height, p.X - 0.5f, p.Y - 0.5f);
                    }
                }
                var value = acc / (nu * nv);
                output[v * outWidth + u] = value;
                sum += value;
                sumSq += value * value;
            }
        }

        var n = outWidth * outHeight;
        var mean = sum / n;
        var std = (float)Math.Sqrt(Math.Max(0, sumSq / n - mean * mean));
        var scale = 1f / Math.Max(std, MinStd);
        var m = (float)mean;
        var o = output[..n];
        for (var i = 0; i < o.Length; i++) o[i] = (o[i] - m) * scale;
    }

    /// <summary>Bilinear sample at pixel coordinates (0,0 = centre of the first pixel), clamped at the borders.</summary>
    private static float Bilinear(ReadOnlySpan<float> image, int width, int height, float x, float y)
    {
        x = Math.Clamp(x, 0, width - 1);
        y = Math.Clamp(y, 0, height - 1);
        var x0 = (int)x;
        var y0 = (int)y;
        var x1 = Math.Min(x0 + 1, width - 1);
        var y1 = Math.Min(y0 + 1, height - 1);
        var fx = x - x0;
        var fy = y - y0;
        var top = image[y0 * width + x0] + (image[y0 * width + x1] - image[y0 * width + x0]) * fx;
        var bottom = image[y1 * width + x0] + (image[y1 * width + x1] - image[y1 * width + x0]) * fx;
        return top + (bottom - top) * fy;
    }
}
