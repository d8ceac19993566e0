using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        var rowSamples = outWidth * MaxTaps * MaxTaps;
        var floats = ArrayPool<float>.Shared.Rent(2 * gridLength + 3 * rowSamples);
        var counts = ArrayPool<int>.Shared.Rent(outWidth);
        try
        {
            var gx = floats.AsSpan(0, gridLength);
            var gy = floats.AsSpan(gridLength, gridLength);
            var xs = floats.AsSpan(2 * gridLength, rowSamples);
            var ys = floats.AsSpan(2 * gridLength + rowSamples, rowSamples);
            var samples = floats.AsSpan(2 * gridLength + 2 * rowSamples, rowSamples);
            var taps = counts.AsSpan(0, outWidth);
            // Divisions are the cost here: multiply by reciprocals instead.
            var invW = 1.0 / outWidth;
            var invH = 1.0 / outHeight;
            MapGrid(map, gx, gy, outWidth, outHeight, invW, invH);

            double sum = 0, sumSq = 0;
            for (var v = 0; v < outHeight; v++)
            {
                // Where every sample of this row lies, then all of them sampled at once, then each pixel's mean.
                var row = v * gridW;
                var n = 0;
                for (var u = 0; u < outWidth; u++)
                {
                    float cx = gx[row + u], cy = gy[row + u];
                    var nu = Taps(gx[row + u + 1] - cx, gy[row + u + 1] - cy);
                    var nv = Taps(gx[row + gridW + u] - cx, gy[row + gridW + u] - cy);
                    if (nu == 1 && nv == 1)
                    {
                        xs[n] = cx - 0.5f;
                        ys[n++] = cy - 0.5f;
                    }
                    else
                    {
                        n = Footprint(map, u, v, nu, nv, invW, invH, xs, ys, n);
                    }
                    taps[u] = nu * nv;
                }
                Bilinear(image, width, height, xs[..n], ys[..n], samples[..n]);

                var dst = output.Slice(v * outWidth, outWidth);
                var k = 0;
                for (var u = 0; u < outWidth; u++)
                {
                    float value;
                    if (taps[u] == 1)
                    {
                        value = samples[k++];
                    }
                    else
                    {
                        float acc = 0;
                        for (var t = 0; t < taps[u]; t++) acc += samples[k++];
                        value = acc / taps[u];
                    }
                    dst[u] = value;
                    sum += value;
                    sumSq += value * value;
                }
            }

            var count = outWidth * outHeight;
            var mean = sum / count;
            var std = (float)Math.Sqrt(Math.Max(0, sumSq / count - mean * mean));
            var scale = 1f / Math.Max(std, MinStd);
            var m = (float)mean;
            var o = output[..count];
            for (var i = 0; i < o.Length; i++) o[i] = (o[i] - m) * scale;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<float>.Shared.Return(floats);
        }
    }

    /// <summary>
    /// The output pixels' centres (and one more column and row, the neighbours of the last ones) in image
    /// coordinates: <see cref="Map"/> four at a time, the same arithmetic in each lane.
    /// </summary>
    private static void MapGrid(in Homography h, Span<float> gx, Span<float> gy, int outWidth, int outHeight, double invW, double invH)
    {
        var gridW = outWidth + 1;
        var lanes = Vector256.Create(0.0, 1.0, 2.0, 3.0);
        for (var v = 0; v <= outHeight; v++)
        {
            var fv = (v + 0.5) * invH;
            // Per row: the terms that do not change along it.
            var hv = Vector256.Create(h.H * fv);
            var bv = Vector256.Create(h.B * fv);
            var ev = Vector256.Create(h.E * fv);
            var u = 0;
            for (; u + 4 <= gridW; u += 4)
            {
                var fu = (Vector256.Create((double)u) + lanes + Vector256.Create(0.5)) * Vector256.Create(invW);
                var r = Vector256<double>.One / (Vector256.Create(h.G) * fu + hv + Vector256<double>.One);
                var x = (Vector256.Create(h.A) * fu + bv + Vector256.Create(h.C)) * r;
                var y = (Vector256.Create(h.D) * fu + ev + Vector256.Create(h.F)) * r;
                for (var k = 0; k < 4; k++)
                {
                    gx[v * gridW + u + k] = (float)x.GetElement(k);
                    gy[v * gridW + u + k] = (float)y.GetElement(k);
                }
            }
            for (; u < gridW; u++)
            {
                var p = Map(h, (u + 0.5) * invW, fv);
                gx[v * gridW + u] = p.X;
                gy[v * gridW + u] = p.Y;
            }
        }
    }

    /// <summary>Appends the nu x nv sample positions spread evenly over output pixel (u, v), row by row; returns the new count.</summary>
    private static int Footprint(in Homography map, int u, int v, int nu, int nv, double invW, double invH, Span<float> xs, Span<float> ys, int n)
    {
        double stepU = 1.0 / nu, stepV = 1.0 / nv;
        for (var j = 0; j < nv; j++)
        {
            var sv = (v + (j + 0.5) * stepV) * invH;
            for (var i = 0; i < nu; i++)
            {
                var p = Map(map, (u + (i + 0.5) * stepU) * invW, sv);
                xs[n] = p.X - 0.5f;
                ys[n++] = p.Y - 0.5f;
            }
        }
        return n;
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
    private static int Taps(float dx, float dy)
    {
        // Most footprints are at most a pixel long: no square root for them (sqrt of a value <= 1 is <= 1).
        var squared = dx * dx + dy * dy;
        return squared <= 1 ? 1 : Math.Clamp((int)MathF.Ceiling(MathF.Sqrt(squared)), 1, MaxTaps);
    }

    /// <summary>
    /// Bilinear samples at pixel coordinates (0,0 = centre of the first pixel), clamped at the borders: eight at a
    /// time where the lanes do exactly what <see cref="Bilinear(ReadOnlySpan{float}, int, int, float, float)"/> does
    /// for one (the reads themselves are scalar: a gather needs unsafe code), the rest one by one.
    /// </summary>
    private static void Bilinear(ReadOnlySpan<float> image, int width, int height, ReadOnlySpan<float> xs, ReadOnlySpan<float> ys, Span<float> values)
    {
        var n = xs.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var maxX = Vector256.Create((float)(width - 1));
            var maxY = Vector256.Create((float)(height - 1));
            var w = Vector256.Create(width);
            var h = Vector256.Create(height);
            var one = Vector256<int>.One;
            Span<int> at = stackalloc int[8];
            Span<int> right = stackalloc int[8];
            Span<int> down = stackalloc int[8];
            Span<float> p00 = stackalloc float[8];
            Span<float> p01 = stackalloc float[8];
            Span<float> p10 = stackalloc float[8];
            Span<float> p11 = stackalloc float[8];
            for (; i + 8 <= n; i += 8)
            {
                var x = Vector256.Create(xs.Slice(i, 8));
                var y = Vector256.Create(ys.Slice(i, 8));
                // NaN fails the comparison and lands on 0, as in the scalar version.
                x = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), Vector256.Min(x, maxX), Vector256<float>.Zero);
                y = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(y, Vector256<float>.Zero), Vector256.Min(y, maxY), Vector256<float>.Zero);
                var x0 = Vector256.ConvertToInt32(x);
                var y0 = Vector256.ConvertToInt32(y);
                var fx = x - Vector256.ConvertToSingle(x0);
                var fy = y - Vector256.ConvertToSingle(y0);
                (y0 * w + x0).CopyTo(at);
                (Vector256.LessThan(x0 + one, w) & one).CopyTo(right);
                (Vector256.LessThan(y0 + one, h) & w).CopyTo(down);
                for (var k = 0; k < 8; k++)
                {
                    var a = at[k];
                    p00[k] = image[a];
                    p01[k] = image[a + right[k]];
                    p10[k] = image[a + down[k]];
                    p11[k] = image[a + down[k] + right[k]];
                }
                var v00 = Vector256.Create<float>(p00);
                var v10 = Vector256.Create<float>(p10);
                var top = v00 + (Vector256.Create<float>(p01) - v00) * fx;
                var bottom = v10 + (Vector256.Create<float>(p11) - v10) * fx;
                (top + (bottom - top) * fy).CopyTo(values.Slice(i, 8));
            }
        }
        for (; i < n; i++) values[i] = Bilinear(image, width, height, xs[i], ys[i]);
    }

    /// <summary>Bilinear sample at pixel coordinates (0,0 = centre of the first pixel), clamped at the borders.</summary>
    private static float Bilinear(ReadOnlySpan<float> image, int width, int height, float x, float y)
    {
        // Written so that NaN (a corner at infinity) lands on 0 too.
        x = x >= 0 ? Math.Min(x, width - 1) : 0;
        y = y >= 0 ? Math.Min(y, height - 1) : 0;
        var x0 = (int)x;
        var y0 = (int)y;
        var dx = x0 + 1 < width ? 1 : 0;
        var dy = y0 + 1 < height ? width : 0;
        var fx = x - x0;
        var fy = y - y0;
        var p = y0 * width + x0;
        var p00 = image[p];
        var p01 = image[p + dx];
        var p10 = image[p + dy];
        var p11 = image[p + dy + dx];
        var top = p00 + (p01 - p00) * fx;
        var bottom = p10 + (p11 - p10) * fx;
        return top + (bottom - top) * fy;
    }
}
