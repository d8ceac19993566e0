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

    /// <summary>A block of eight pixels with the same footprint grid: samples tap by tap, eight pixels each.</summary>
    private const int Together = 0;

    /// <summary>A block whose pixels differ: each pixel's samples in turn.</summary>
    private const int PixelByPixel = 1;

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
        var blocks = outWidth / 8;
        var counts = ArrayPool<int>.Shared.Rent(outWidth + blocks);
        try
        {
            var gx = floats.AsSpan(0, gridLength);
            var gy = floats.AsSpan(gridLength, gridLength);
            var xs = floats.AsSpan(2 * gridLength, rowSamples);
            var ys = floats.AsSpan(2 * gridLength + rowSamples, rowSamples);
            var samples = floats.AsSpan(2 * gridLength + 2 * rowSamples, rowSamples);
            var taps = counts.AsSpan(0, outWidth);
            // How each block of eight pixels laid out its samples (the Layout constants).
            var layouts = counts.AsSpan(outWidth, blocks);
            // Divisions are the cost here: multiply by reciprocals instead.
            var invW = 1.0 / outWidth;
            var invH = 1.0 / outHeight;
            MapGrid(map, gx, gy, outWidth, outHeight, invW, invH);

            double sum = 0, sumSq = 0;
            Vector256<double> sums = default, squares = default;
            for (var v = 0; v < outHeight; v++)
            {
                // Where every sample of this row lies, then all of them sampled at once, then each pixel's mean.
                var row = v * gridW;
                var sampler = new Sampler(map, xs, ys, v, invW, invH);
                var u = 0;
                for (; u + 8 <= outWidth; u += 8)
                {
                    // Eight pixels at once when all of them take one sample (every plate narrower than the input),
                    // or all the same footprint grid (wider plates, away from where the grid size changes).
                    var cx = Vector256.Create(gx.Slice(row + u, 8));
                    var cy = Vector256.Create(gy.Slice(row + u, 8));
                    var rx = Vector256.Create(gx.Slice(row + u + 1, 8)) - cx;
                    var ry = Vector256.Create(gy.Slice(row + u + 1, 8)) - cy;
                    var dx = Vector256.Create(gx.Slice(row + gridW + u, 8)) - cx;
                    var dy = Vector256.Create(gy.Slice(row + gridW + u, 8)) - cy;
                    var nu = Taps(rx * rx + ry * ry);
                    var nv = Taps(dx * dx + dy * dy);
                    var nu0 = nu.ToScalar();
                    var nv0 = nv.ToScalar();
                    if (nu == Vector256.Create(nu0) && nv == Vector256.Create(nv0))
                    {
                        if (nu0 == 1 && nv0 == 1) sampler.Centres(cx, cy);
                        else sampler.Grids(u, nu0, nv0);
                        taps.Slice(u, 8).Fill(nu0 * nv0);
                        layouts[u / 8] = Together;
                        continue;
                    }
                    for (var k = u; k < u + 8; k++) taps[k] = sampler.Pixel(gx, gy, row, gridW, k);
                    layouts[u / 8] = PixelByPixel;
                }
                for (; u < outWidth; u++) taps[u] = sampler.Pixel(gx, gy, row, gridW, u);
                var n = sampler.Count;
                Bilinear(image, width, height, xs[..n], ys[..n], samples[..n]);

                var dst = output.Slice(v * outWidth, outWidth);
                var next = 0;
                u = 0;
                for (; u + 8 <= outWidth; u += 8)
                {
                    if (layouts[u / 8] == Together)
                    {
                        // Sample t of the eight pixels lies at next + 8 t: their sums, tap by tap, as vectors.
                        var perPixel = taps[u];
                        var values = Vector256.Create(samples.Slice(next, 8));
                        if (perPixel > 1)
                        {
                            var acc = values;
                            for (var t = 1; t < perPixel; t++) acc += Vector256.Create(samples.Slice(next + 8 * t, 8));
                            values = acc / Vector256.Create((float)perPixel);
                        }
                        values.CopyTo(dst.Slice(u, 8));
                        var (lo, hi) = Vector256.Widen(values);
                        sums += lo + hi;
                        squares += lo * lo + hi * hi;
                        next += 8 * perPixel;
                        continue;
                    }
                    for (var k = u; k < u + 8; k++) next = Mean(samples, next, taps[k], ref dst[k], ref sum, ref sumSq);
                }
                for (; u < outWidth; u++) next = Mean(samples, next, taps[u], ref dst[u], ref sum, ref sumSq);
            }
            sum += Vector256.Sum(sums);
            sumSq += Vector256.Sum(squares);

            var count = outWidth * outHeight;
            var mean = sum / count;
            var std = (float)Math.Sqrt(Math.Max(0, sumSq / count - mean * mean));
            var scale = 1f / Math.Max(std, MinStd);
            var m = (float)mean;
            var o = output[..count];
            var i = 0;
            for (; i + 8 <= o.Length; i += 8) ((Vector256.Create<float>(o.Slice(i, 8)) - Vector256.Create(m)) * scale).CopyTo(o.Slice(i, 8));
            for (; i < o.Length; i++) o[i] = (o[i] - m) * scale;
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

    /// <summary>One output pixel: the mean of its <paramref name="taps"/> samples from <paramref name="next"/> on, added to the running sums; returns the next sample's index.</summary>
    private static int Mean(ReadOnlySpan<float> samples, int next, int taps, ref float dst, ref double sum, ref double sumSq)
    {
        float value;
        if (taps == 1)
        {
            value = samples[next++];
        }
        else
        {
            float acc = 0;
            for (var t = 0; t < taps; t++) acc += samples[next++];
            value = acc / taps;
        }
        dst = value;
        sum += value;
        sumSq += value * value;
        return next;
    }

    /// <summary>Collects the sample positions of one output row (image pixel coordinates, 0 = the first pixel's centre).</summary>
    private ref struct Sampler(in Homography map, Span<float> xs, Span<float> ys, int v, double invW, double invH)
    {
        private readonly Homography h = map;
        private readonly Span<float> xs = xs;
        private readonly Span<float> ys = ys;

        public int Count { get; private set; }

        /// <summary>Eight pixels' centres, one sample each.</summary>
        public void Centres(Vector256<float> cx, Vector256<float> cy)
        {
            (cx - Vector256.Create(0.5f)).CopyTo(xs.Slice(Count, 8));
            (cy - Vector256.Create(0.5f)).CopyTo(ys.Slice(Count, 8));
            Count += 8;
        }

        /// <summary>
        /// Eight pixels from u on with the same nu x nv footprint grid: tap by tap (row by row of the grid), the eight
        /// pixels' positions together, each lane with <see cref="Pixel"/>'s arithmetic.
        /// </summary>
        public void Grids(int u, int nu, int nv)
        {
            double stepU = 1.0 / nu, stepV = 1.0 / nv;
            var u0 = Vector256.Create((double)u) + Vector256.Create(0.0, 1.0, 2.0, 3.0);
            var u1 = u0 + Vector256.Create(4.0);
            for (var j = 0; j < nv; j++)
            {
                var sv = (v + (j + 0.5) * stepV) * invH;
                double hv = h.H * sv, bv = h.B * sv, ev = h.E * sv;
                for (var i = 0; i < nu; i++)
                {
                    var c = Vector256.Create((i + 0.5) * stepU);
                    var (x0, y0) = Map((u0 + c) * Vector256.Create(invW), hv, bv, ev);
                    var (x1, y1) = Map((u1 + c) * Vector256.Create(invW), hv, bv, ev);
                    (Vector256.Narrow(x0, x1) - Vector256.Create(0.5f)).CopyTo(xs.Slice(Count, 8));
                    (Vector256.Narrow(y0, y1) - Vector256.Create(0.5f)).CopyTo(ys.Slice(Count, 8));
                    Count += 8;
                }
            }
        }

        private readonly (Vector256<double> X, Vector256<double> Y) Map(Vector256<double> su, double hv, double bv, double ev)
        {
            var r = Vector256<double>.One / (Vector256.Create(h.G) * su + Vector256.Create(hv) + Vector256<double>.One);
            return ((Vector256.Create(h.A) * su + Vector256.Create(bv) + Vector256.Create(h.C)) * r,
                (Vector256.Create(h.D) * su + Vector256.Create(ev) + Vector256.Create(h.F)) * r);
        }

        /// <summary>Output pixel u: its centre, or the nu x nv grid over its footprint, row by row; returns how many samples.</summary>
        public int Pixel(ReadOnlySpan<float> gx, ReadOnlySpan<float> gy, int row, int gridW, int u)
        {
            float cx = gx[row + u], cy = gy[row + u];
            var nu = Taps(gx[row + u + 1] - cx, gy[row + u + 1] - cy);
            var nv = Taps(gx[row + gridW + u] - cx, gy[row + gridW + u] - cy);
            if (nu == 1 && nv == 1)
            {
                xs[Count] = cx - 0.5f;
                ys[Count++] = cy - 0.5f;
                return 1;
            }
            // Map's arithmetic, with the terms that stay the same along a line of taps taken out of the loop.
            double stepU = 1.0 / nu, stepV = 1.0 / nv;
            for (var j = 0; j < nv; j++)
            {
                var sv = (v + (j + 0.5) * stepV) * invH;
                double hv = h.H * sv, bv = h.B * sv, ev = h.E * sv;
                for (var i = 0; i < nu; i++)
                {
                    var su = (u + (i + 0.5) * stepU) * invW;
                    var r = 1 / (h.G * su + hv + 1);
                    xs[Count] = (float)((h.A * su + bv + h.C) * r) - 0.5f;
                    ys[Count++] = (float)((h.D * su + ev + h.F) * r) - 0.5f;
                }
            }
            return nu * nv;
        }
    }

    /// <summary><see cref="Homography.Map"/> with one division instead of two: the hot loop's cost.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector2 Map(in Homography h, double u, double v)
    {
        var r = 1 / (h.G * u + h.H * v + 1);
        return new Vector2((float)((h.A * u + h.B * v + h.C) * r), (float)((h.D * u + h.E * v + h.F) * r));
    }

    /// <summary><see cref="Taps(float, float)"/> for eight squared footprint lengths at once.</summary>
    private static Vector256<int> Taps(Vector256<float> squared)
    {
        var n = Vector256.ConvertToInt32(Vector256.Ceiling(Vector256.Sqrt(squared)));
        n = Vector256.Min(Vector256.Max(n, Vector256<int>.One), Vector256.Create(MaxTaps));
        return Vector256.ConditionalSelect(Vector256.LessThanOrEqual(squared, Vector256<float>.One).AsInt32(), Vector256<int>.One, n);
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
