using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DeepPlate.Synth;

/// <summary>
/// Optical blur: a Gaussian point-spread function of standard deviation <see cref="SigmaPx"/> scene pixels (defocus,
/// lens, atmosphere). Separable (a row pass then a column pass), kernel radius ceil(3 sigma), normalised to sum 1 so
/// the mean grey is kept; edges are clamped (the scene continues with its border pixels: closer to what lies beyond
/// a real crop than black would be, and no dark rim for the network to learn).
/// </summary>
public readonly record struct GaussianBlur(double SigmaPx)
{
    /// <summary>
    /// Below this the sampled kernel's side taps are under 0.4 % and the blur changes no 8-bit value worth
    /// mentioning: skip it rather than spend a pass on nothing.
    /// </summary>
    public const double MinSigmaPx = 0.3;

    public bool IsIdentity => SigmaPx < MinSigmaPx;

    public int Radius => (int)Math.Ceiling(3 * SigmaPx);

    public void Apply(GreyImage image)
    {
        if (!(SigmaPx >= 0) || double.IsInfinity(SigmaPx)) throw new ArgumentOutOfRangeException(nameof(SigmaPx), SigmaPx, "a blur sigma is a finite number >= 0");
        if (IsIdentity) return;

        var r = Radius;
        var taps = 2 * r + 1;
        var w = image.Width;
        var h = image.Height;
        var pixels = image.Pixels;

        // One rented buffer holds the kernel, the row-pass result and one clamped-padded row; one more the tap
        // offsets: no allocation once the pools are warm.
        var buffer = ArrayPool<float>.Shared.Rent(taps + w * h + w + 2 * r);
        var starts = ArrayPool<int>.Shared.Rent(taps);
        try
        {
            var kernel = buffer.AsSpan(0, taps);
            FillKernel(kernel, SigmaPx);
            var rowPass = buffer.AsSpan(taps, w * h);
            var padded = buffer.AsSpan(taps + w * h, w + 2 * r);
            var start = starts.AsSpan(0, taps);

            // Rows: copy each row with r clamped pixels each side, then out[x] = sum_j k[j] pad[x + j]: every tap
            // reads a contiguous slice, so the sum runs on whole vectors.
            for (var j = 0; j < taps; j++) start[j] = j;
            for (var y = 0; y < h; y++)
            {
                var row = pixels.Slice(y * w, w);
                padded[..r].Fill(row[0]);
                row.CopyTo(padded[r..]);
                padded[(r + w)..].Fill(row[w - 1]);
                WeightedSum(padded, start, kernel, rowPass.Slice(y * w, w));
            }

            // Columns: each output row is a weighted sum of whole rows of the row pass, clamped at top and bottom.
            for (var y = 0; y < h; y++)
            {
                for (var j = 0; j < taps; j++) start[j] = Math.Clamp(y + j - r, 0, h - 1) * w;
                WeightedSum(rowPass, start, kernel, pixels.Slice(y * w, w));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>The sampled Gaussian exp(-j^2 / 2 sigma^2), j = -r..r, normalised to sum exactly 1 (in double).</summary>
    private static void FillKernel(Span<float> kernel, double sigma)
    {
        var r = kernel.Length / 2;
        var sum = 0.0;
        for (var j = -r; j <= r; j++) sum += Math.Exp(-j * j / (2 * sigma * sigma));
        for (var j = -r; j <= r; j++) kernel[j + r] = (float)(Math.Exp(-j * j / (2 * sigma * sigma)) / sum);
    }

    /// <summary>
    /// dst[x] = sum over t of weights[t] * source[starts[t] + x]: the inner loop of every convolution here (row taps,
    /// column taps, motion taps). The sum stays in a register across the taps (one store per vector, not one per
    /// tap), and runs in the same order, tap 0 first, multiply then add (never fused), in the vector lanes and the
    /// scalar tail alike, so the bits do not depend on the machine's vector width.
    /// </summary>
    internal static void WeightedSum(ReadOnlySpan<float> source, ReadOnlySpan<int> starts, ReadOnlySpan<float> weights, Span<float> dst)
    {
        var n = dst.Length;
        var taps = starts.Length;
        if (taps == 0 || weights.Length != taps) throw new ArgumentException("one weight per tap, at least one tap");
        // Checked once here so that the loops below can read without bounds checks.
        foreach (var s in starts)
            if (s < 0 || s + n > source.Length) throw new ArgumentOutOfRangeException(nameof(starts), s, "a tap reads outside the source");

        ref var src = ref MemoryMarshal.GetReference(source);
        ref var dstRef = ref MemoryMarshal.GetReference(dst);
        var x = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; x <= n - Vector<float>.Count; x += Vector<float>.Count)
            {
                var acc = Vector.LoadUnsafe(ref src, (nuint)(starts[0] + x)) * weights[0];
                for (var t = 1; t < taps; t++) acc += Vector.LoadUnsafe(ref src, (nuint)(starts[t] + x)) * weights[t];
                acc.StoreUnsafe(ref dstRef, (nuint)x);
            }
        }
        for (; x < n; x++)
        {
            var acc = Unsafe.Add(ref src, starts[0] + x) * weights[0];
            for (var t = 1; t < taps; t++) acc += Unsafe.Add(ref src, starts[t] + x) * weights[t];
            Unsafe.Add(ref dstRef, x) = acc;
        }
    }
}
