using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DeepPlate.Inference;

/// <summary>
/// The one preprocessing routine, shared by training and serving: maps the plate's quadrilateral onto the network's
/// input grid, averaging over each output pixel's footprint when shrinking (so a large photo does not alias), then
/// standardises the values so brightness and contrast do not matter.
/// </summary>
/// <remarks>
/// Output pixel (u, v) averages an nu x nv grid of bilinear samples spread evenly over its footprint, where nu and nv
/// are the lengths (in image pixels, rounded up, 1 to <see cref="MaxTaps"/>) of the steps from its centre to the
/// centres of its right and lower neighbours. Training runs this for every synthetic plate, so it is written for
/// speed: the centres are mapped once on a (W + 1) x (H + 1) grid (each serves as a sample and as a neighbour), and a
/// footprint of one sample per axis — every plate narrower than the input — takes its centre without another map.
/// </remarks>
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
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"{width}x{height}");
        if (outWidth <= 0 || outHeight <= 0) throw new ArgumentOutOfRangeException(nameof(outWidth), $"{outWidth}x{outHeight}");
        if (image.Length < width * height) throw new ArgumentException("image is smaller than its size", nameof(image));
        if (corners.Length != 4) throw new ArgumentException("four corners are needed", nameof(corners));
        if (output.Length < outWidth * outHeight) throw new ArgumentException("output is smaller than its size", nameof(output));

        // Pixel centres: image pixel (x, y) covers [x, x+1) so its centre is at x + 0.5.
        var map = Homography.SquareToQuad(corners[0], corners[1], corners[2], corners[3]);
        var gridW = outWidth + 1;
        var gridLength = gridW * (outHeight + 1);
        var grid = ArrayPool<Vector2>.Shared.Rent(gridLength);
        try
        {
            // Divisions are the cost here: multiply by reciprocals instead.
            var invW = 1.0 / outWidth;
            var invH = 1.0 / outHeight;
            var centres = grid.AsSpan(0, gridLength);
            for (var v = 0; v <= outHeight; v++)
            {
                var fv = (v + 0.5) * invH;
                var row = centres.Slice(v * gridW, gridW);
                for (var u = 0; u <= outWidth; u++) row[u] = Map(map, (u + 0.5) * invW, fv);
            }

            double sum = 0, sumSq = 0;
            for (var v = 0; v < outHeight; v++)
            {
                var here = centres.Slice(v * gridW, gridW);
                var below = centres.Slice((v + 1) * gridW, gridW);
                var dst = output.Slice(v * outWidth, outWidth);
                for (var u = 0; u < outWidth; u++)
                {
                    var centre = here[u];
                    var nu = Taps(here[u + 1] - centre);
                    var nv = Taps(below[u] - centre);
                    var value = nu == 1 && nv == 1
                        ? Bilinear(image, width, height, centre.X - 0.5f, centre.Y - 0.5f)
                        : Footprint(image, width, height, map, u, v, nu, nv, invW, invH);
                    dst[u] = value;
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
        finally
        {
            ArrayPool<Vector2>.Shared.Return(grid);
        }
    }

    /// <summary>The mean of the nu x nv samples spread evenly over output pixel (u, v).</summary>
    private static float Footprint(ReadOnlySpan<float> image, int width, int height, in Homography map, int u, int v, int nu, int nv, double invW, double invH)
    {
        float acc = 0;
        double stepU = 1.0 / nu, stepV = 1.0 / nv;
        for (var j = 0; j < nv; j++)
        {
            var sv = (v + (j + 0.5) * stepV) * invH;
            for (var i = 0; i < nu; i++)
            {
                var p = Map(map, (u + (i + 0.5) * stepU) * invW, sv);
                acc += Bilinear(image, width, height, p.X - 0.5f, p.Y - 0.5f);
            }
        }
        return acc / (nu * nv);
    }

    /// <summary><see cref="Homography.Map"/> with one division instead of two: the hot loop's cost.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector2 Map(in Homography h, double u, double v)
    {
        var r = 1 / (h.G * u + h.H * v + 1);
        return new Vector2((float)((h.A * u + h.B * v + h.C) * r), (float)((h.D * u + h.E * v + h.F) * r));
    }

    /// <summary>Sub-samples along one axis of the footprint: its length in image pixels, rounded up, 1 to <see cref="MaxTaps"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Taps(Vector2 step)
    {
        // Most footprints are at most a pixel long: no square root for them (sqrt of a value <= 1 is <= 1).
        var squared = step.LengthSquared();
        return squared <= 1 ? 1 : Math.Clamp((int)MathF.Ceiling(MathF.Sqrt(squared)), 1, MaxTaps);
    }

    /// <summary>Bilinear sample at pixel coordinates (0,0 = centre of the first pixel), clamped at the borders.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Bilinear(ReadOnlySpan<float> image, int width, int height, float x, float y)
    {
        // Written so that NaN (a corner at infinity) lands on 0 too: the reads below are unchecked.
        x = x >= 0 ? Math.Min(x, width - 1) : 0;
        y = y >= 0 ? Math.Min(y, height - 1) : 0;
        var x0 = (int)x;
        var y0 = (int)y;
        // The image length was checked against width * height once; x0, y0 and their neighbours lie inside.
        var dx = x0 + 1 < width ? 1 : 0;
        var dy = y0 + 1 < height ? width : 0;
        var fx = x - x0;
        var fy = y - y0;
        ref var p = ref Unsafe.Add(ref MemoryMarshal.GetReference(image), y0 * width + x0);
        var p00 = p;
        var p01 = Unsafe.Add(ref p, dx);
        var p10 = Unsafe.Add(ref p, dy);
        var p11 = Unsafe.Add(ref p, dy + dx);
        var top = p00 + (p01 - p00) * fx;
        var bottom = p10 + (p11 - p10) * fx;
        return top + (bottom - top) * fy;
    }
}
