using System.Buffers;

namespace DeepPlate.Synth;

/// <summary>
/// Linear motion blur: the plate moves <see cref="LengthPx"/> scene pixels during the exposure, in the direction
/// <see cref="AngleDeg"/> (degrees counter-clockwise from the +x axis as seen on screen, so 90 is straight up).
/// The kernel is a line segment of that length centred on the pixel, sampled with equal-weight taps every half pixel
/// or closer, each tap spread over its four neighbours bilinearly: a sub-pixel length or an oblique angle blurs
/// smoothly instead of snapping to whole pixels. Edges are clamped; the kernel sums to 1, so the mean grey is kept.
/// </summary>
public readonly record struct MotionBlur(double LengthPx, double AngleDeg)
{
    /// <summary>A shorter motion moves each tap by under a quarter pixel: indistinguishable from the bilinear taps' own softening, so skipped.</summary>
    public const double MinLengthPx = 0.5;

    public bool IsIdentity => LengthPx < MinLengthPx;

    public void Apply(GreyImage image)
    {
        if (!(LengthPx >= 0) || double.IsInfinity(LengthPx)) throw new ArgumentOutOfRangeException(nameof(LengthPx), LengthPx, "a motion length is a finite number >= 0");
        if (!double.IsFinite(AngleDeg)) throw new ArgumentOutOfRangeException(nameof(AngleDeg), AngleDeg, "a motion angle is a finite number");
        if (IsIdentity) return;

        var w = image.Width;
        var h = image.Height;
        // Taps reach L/2 from the centre plus one pixel of bilinear spread.
        var reach = (int)Math.Ceiling(LengthPx / 2) + 1;
        var size = 2 * reach + 1;
        var pw = w + 2 * reach;
        var ph = h + 2 * reach;

        // One rented buffer: the kernel grid, the non-zero taps (offset into the padded image, weight), and the
        // image padded with its clamped border so that every tap reads a contiguous row slice.
        var gridLength = size * size;
        var buffer = ArrayPool<float>.Shared.Rent(gridLength * 2 + pw * ph);
        var offsets = ArrayPool<int>.Shared.Rent(gridLength);
        var starts = ArrayPool<int>.Shared.Rent(gridLength);
        try
        {
            var grid = buffer.AsSpan(0, gridLength);
            grid.Clear();
            SplatLine(grid, size, reach, LengthPx, AngleDeg);

            var weights = buffer.AsSpan(gridLength, gridLength);
            var count = 0;
            for (var gy = 0; gy < size; gy++)
            {
                for (var gx = 0; gx < size; gx++)
                {
                    var k = grid[gy * size + gx];
                    // Taps of angles like 90 degrees put ~1e-17 on a neighbour (cos 90 is not exactly 0 in floating
                    // point): not worth a pass over the image.
                    if (k <= 1e-6f) continue;
                    offsets[count] = gy * pw + gx;
                    weights[count++] = k;
                }
            }

            var padded = buffer.AsSpan(gridLength * 2, pw * ph);
            var pixels = image.Pixels;
            for (var py = 0; py < ph; py++)
            {
                var src = pixels.Slice(Math.Clamp(py - reach, 0, h - 1) * w, w);
                var dst = padded.Slice(py * pw, pw);
                dst[..reach].Fill(src[0]);
                src.CopyTo(dst[reach..]);
                dst[(reach + w)..].Fill(src[w - 1]);
            }

            // Output pixel (x, y) sits at (x + reach, y + reach) in the padded image; a tap at grid (gx, gy) reads
            // offset (gx - reach, gy - reach) from there, i.e. padded row y + gy starting at column gx.
            var start = starts.AsSpan(0, count);
            var weight = weights[..count];
            for (var y = 0; y < h; y++)
            {
                for (var t = 0; t < count; t++) start[t] = y * pw + offsets[t];
                GaussianBlur.WeightedSum(padded, start, weight, pixels.Slice(y * w, w));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(offsets);
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Spreads the segment [-L/2, L/2] along the direction over the grid: n = ceil(2L) + 1 equal taps at the
    /// midpoints of n equal pieces (so spacing is at most half a pixel), each split bilinearly over four cells.
    /// Because the line kernel is symmetric, the convolution and the correlation it is applied as are the same.
    /// </summary>
    private static void SplatLine(Span<float> grid, int size, int reach, double length, double angleDeg)
    {
        var n = (int)Math.Ceiling(2 * length) + 1;
        var a = angleDeg * Math.PI / 180;
        // Screen y points down, so counter-clockwise on screen is -sin.
        var ux = Math.Cos(a);
        var uy = -Math.Sin(a);
        var weight = 1.0 / n;
        for (var i = 0; i < n; i++)
        {
            var t = length * ((i + 0.5) / n - 0.5);
            var x = t * ux + reach;
            var y = t * uy + reach;
            var x0 = (int)Math.Floor(x);
            var y0 = (int)Math.Floor(y);
            var fx = x - x0;
            var fy = y - y0;
            grid[y0 * size + x0] += (float)(weight * (1 - fx) * (1 - fy));
            grid[y0 * size + x0 + 1] += (float)(weight * fx * (1 - fy));
            grid[(y0 + 1) * size + x0] += (float)(weight * (1 - fx) * fy);
            grid[(y0 + 1) * size + x0 + 1] += (float)(weight * fx * fy);
        }
    }
}
