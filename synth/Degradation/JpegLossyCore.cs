using System.Runtime.CompilerServices;

namespace DeepPlate.Synth;

/// <summary>
/// The lossy half of a baseline greyscale JPEG round trip, as libjpeg-turbo (Skia's codec) computes it, bit for bit:
/// edge replication to whole 8x8 blocks, level shift, the "islow" integer forward DCT (jfdctint.c), quantisation by
/// the IJG luminance table scaled for the quality (jcparam.c) with libjpeg-turbo's reciprocal arithmetic
/// (jcdctmgr.c), dequantisation and the "islow" inverse DCT with its range-limit table (jidctint.c, jdmaster.c).
/// The entropy coding in between is lossless, so leaving it out changes nothing but the time: a real encode and
/// decode costs 75-150 µs on a typical scene, this a fraction of it. JpegCompressionTests compares it with Skia's
/// real codec byte for byte.
/// </summary>
internal static class JpegLossyCore
{
    private const int ConstBits = 13;
    private const int Pass1Bits = 2;

    private const long Fix0298631336 = 2446;
    private const long Fix0390180644 = 3196;
    private const long Fix0541196100 = 4433;
    private const long Fix0765366865 = 6270;
    private const long Fix0899976223 = 7373;
    private const long Fix1175875602 = 9633;
    private const long Fix1501321110 = 12299;
    private const long Fix1847759065 = 15137;
    private const long Fix1961570560 = 16069;
    private const long Fix2053119869 = 16819;
    private const long Fix2562915447 = 20995;
    private const long Fix3072711026 = 25172;

    /// <summary>The IJG (JPEG Annex K) luminance quantisation table, natural (row-major) order.</summary>
    private static ReadOnlySpan<byte> LuminanceTable =>
    [
        16, 11, 10, 16, 24, 40, 51, 61,
        12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77,
        24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101,
        72, 92, 95, 98, 112, 100, 103, 99,
    ];

    /// <summary>Per quality 1..100: the quantisation table and the encoder's reciprocal divisors, built on first use.</summary>
    private static readonly Tables?[] ByQuality = new Tables?[101];

    /// <summary>The decoder's range limit after the inverse DCT: index (x &amp; 1023) of a centred value x.</summary>
    private static readonly byte[] RangeLimit = BuildRangeLimit();

    /// <summary>Degrades <paramref name="codes"/> (8-bit samples, <paramref name="width"/> x <paramref name="height"/>, row-major) in place.</summary>
    public static void RoundTrip(Span<byte> codes, int width, int height, int quality)
    {
        if (quality is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(quality), quality, "JPEG quality runs from 1 to 100");
        if (codes.Length < width * height) throw new ArgumentException("fewer samples than the size says", nameof(codes));
        var tables = ByQuality[quality] ??= new Tables(quality);
        Span<long> block = stackalloc long[64];
        var limit = RangeLimit;
        for (var by = 0; by < height; by += 8)
        {
            for (var bx = 0; bx < width; bx += 8)
            {
                // The encoder replicates the last column and row to fill edge blocks (jcsample.c expand_right_edge,
                // jcprepct.c expand_bottom_edge); the decoder keeps only the image's own samples.
                for (var y = 0; y < 8; y++)
                {
                    var row = codes.Slice(Math.Min(by + y, height - 1) * width, width);
                    for (var x = 0; x < 8; x++) block[y * 8 + x] = row[Math.Min(bx + x, width - 1)] - 128;
                }
                ForwardDct(block);
                Quantise(block, tables);
                InverseDct(block, tables.Quant, limit);
                var rows = Math.Min(8, height - by);
                var cols = Math.Min(8, width - bx);
                for (var y = 0; y < rows; y++)
                {
                    var row = codes.Slice((by + y) * width + bx, cols);
                    for (var x = 0; x < cols; x++) row[x] = (byte)block[y * 8 + x];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Descale(long x, int n) => (x + (1L << (n - 1))) >> n;

    /// <summary>jpeg_fdct_islow: rows, then columns; the output is 8 times the orthonormal DCT.</summary>
    private static void ForwardDct(Span<long> d)
    {
        for (var r = 0; r < 64; r += 8)
        {
            long tmp0 = d[r] + d[r + 7], tmp7 = d[r] - d[r + 7];
            long tmp1 = d[r + 1] + d[r + 6], tmp6 = d[r + 1] - d[r + 6];
            long tmp2 = d[r + 2] + d[r + 5], tmp5 = d[r + 2] - d[r + 5];
            long tmp3 = d[r + 3] + d[r + 4], tmp4 = d[r + 3] - d[r + 4];
            long tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2;
            d[r] = (tmp10 + tmp11) << Pass1Bits;
            d[r + 4] = (tmp10 - tmp11) << Pass1Bits;
            var z1 = (tmp12 + tmp13) * Fix0541196100;
            d[r + 2] = Descale(z1 + tmp13 * Fix0765366865, ConstBits - Pass1Bits);
            d[r + 6] = Descale(z1 - tmp12 * Fix1847759065, ConstBits - Pass1Bits);
            OddForward(tmp4, tmp5, tmp6, tmp7, out var o7, out var o5, out var o3, out var o1);
            d[r + 7] = Descale(o7, ConstBits - Pass1Bits);
            d[r + 5] = Descale(o5, ConstBits - Pass1Bits);
            d[r + 3] = Descale(o3, ConstBits - Pass1Bits);
            d[r + 1] = Descale(o1, ConstBits - Pass1Bits);
        }
        for (var c = 0; c < 8; c++)
        {
            long tmp0 = d[c] + d[c + 56], tmp7 = d[c] - d[c + 56];
            long tmp1 = d[c + 8] + d[c + 48], tmp6 = d[c + 8] - d[c + 48];
            long tmp2 = d[c + 16] + d[c + 40], tmp5 = d[c + 16] - d[c + 40];
            long tmp3 = d[c + 24] + d[c + 32], tmp4 = d[c + 24] - d[c + 32];
            long tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2;
            d[c] = Descale(tmp10 + tmp11, Pass1Bits);
            d[c + 32] = Descale(tmp10 - tmp11, Pass1Bits);
            var z1 = (tmp12 + tmp13) * Fix0541196100;
            d[c + 16] = Descale(z1 + tmp13 * Fix0765366865, ConstBits + Pass1Bits);
            d[c + 48] = Descale(z1 - tmp12 * Fix1847759065, ConstBits + Pass1Bits);
            OddForward(tmp4, tmp5, tmp6, tmp7, out var o7, out var o5, out var o3, out var o1);
            d[c + 56] = Descale(o7, ConstBits + Pass1Bits);
            d[c + 40] = Descale(o5, ConstBits + Pass1Bits);
            d[c + 24] = Descale(o3, ConstBits + Pass1Bits);
            d[c + 8] = Descale(o1, ConstBits + Pass1Bits);
        }
    }

    /// <summary>The odd part of the forward DCT (Loeffler's figure 8), before descaling: outputs 7, 5, 3, 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OddForward(long tmp4, long tmp5, long tmp6, long tmp7, out long o7, out long o5, out long o3, out long o1)
    {
        long z1 = tmp4 + tmp7, z2 = tmp5 + tmp6, z3 = tmp4 + tmp6, z4 = tmp5 + tmp7;
        var z5 = (z3 + z4) * Fix1175875602;
        tmp4 *= Fix0298631336;
        tmp5 *= Fix2053119869;
        tmp6 *= Fix3072711026;
        tmp7 *= Fix1501321110;
        z1 *= -Fix0899976223;
        z2 *= -Fix2562915447;
        z3 = z3 * -Fix1961570560 + z5;
        z4 = z4 * -Fix0390180644 + z5;
        o7 = tmp4 + z1 + z3;
        o5 = tmp5 + z2 + z4;
        o3 = tmp6 + z2 + z3;
        o1 = tmp7 + z1 + z4;
    }

    /// <summary>
    /// jcdctmgr.c quantize(): |coefficient| plus a correction, times a reciprocal, shifted; the sign put back.
    /// The result replaces the coefficient.
    /// </summary>
    private static void Quantise(Span<long> d, Tables t)
    {
        for (var i = 0; i < 64; i++)
        {
            var v = d[i];
            var magnitude = v < 0 ? -v : v;
            var q = (magnitude + t.Correction[i]) * t.Reciprocal[i] >> t.Shift[i];
            d[i] = v < 0 ? -q : q;
        }
    }

    /// <summary>
    /// jpeg_idct_islow on the dequantised coefficients (quantised value times table entry): columns, then rows, then
    /// the range limit, which also adds the level shift back. The shortcuts for all-zero AC terms give exactly what
    /// the full computation would, faster.
    /// </summary>
    private static void InverseDct(Span<long> d, ReadOnlySpan<int> quant, byte[] limit)
    {
        Span<long> ws = stackalloc long[64];
        for (var c = 0; c < 8; c++)
        {
            if (d[c + 8] == 0 && d[c + 16] == 0 && d[c + 24] == 0 && d[c + 32] == 0 && d[c + 40] == 0 && d[c + 48] == 0 && d[c + 56] == 0)
            {
                var dc = d[c] * quant[c] << Pass1Bits;
                for (var r = 0; r < 64; r += 8) ws[r + c] = dc;
                continue;
            }
            var z2 = d[c + 16] * quant[c + 16];
            var z3 = d[c + 48] * quant[c + 48];
            var z1 = (z2 + z3) * Fix0541196100;
            var tmp2 = z1 - z3 * Fix1847759065;
            var tmp3 = z1 + z2 * Fix0765366865;
            z2 = d[c] * quant[c];
            z3 = d[c + 32] * quant[c + 32];
            var tmp0 = (z2 + z3) << ConstBits;
            var tmp1 = (z2 - z3) << ConstBits;
            long tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2;
            OddInverse(d[c + 56] * quant[c + 56], d[c + 40] * quant[c + 40], d[c + 24] * quant[c + 24], d[c + 8] * quant[c + 8],
                out tmp0, out tmp1, out tmp2, out tmp3);
            ws[c] = Descale(tmp10 + tmp3, ConstBits - Pass1Bits);
            ws[c + 56] = Descale(tmp10 - tmp3, ConstBits - Pass1Bits);
            ws[c + 8] = Descale(tmp11 + tmp2, ConstBits - Pass1Bits);
            ws[c + 48] = Descale(tmp11 - tmp2, ConstBits - Pass1Bits);
            ws[c + 16] = Descale(tmp12 + tmp1, ConstBits - Pass1Bits);
            ws[c + 40] = Descale(tmp12 - tmp1, ConstBits - Pass1Bits);
            ws[c + 24] = Descale(tmp13 + tmp0, ConstBits - Pass1Bits);
            ws[c + 32] = Descale(tmp13 - tmp0, ConstBits - Pass1Bits);
        }

        const int shift = ConstBits + Pass1Bits + 3;
        for (var r = 0; r < 64; r += 8)
        {
            if (ws[r + 1] == 0 && ws[r + 2] == 0 && ws[r + 3] == 0 && ws[r + 4] == 0 && ws[r + 5] == 0 && ws[r + 6] == 0 && ws[r + 7] == 0)
            {
                long value = limit[(int)(Descale(ws[r], Pass1Bits + 3) & 1023)];
                for (var x = 0; x < 8; x++) d[r + x] = value;
                continue;
            }
            long z2 = ws[r + 2], z3 = ws[r + 6];
            var z1 = (z2 + z3) * Fix0541196100;
            var tmp2 = z1 - z3 * Fix1847759065;
            var tmp3 = z1 + z2 * Fix0765366865;
            var tmp0 = (ws[r] + ws[r + 4]) << ConstBits;
            var tmp1 = (ws[r] - ws[r + 4]) << ConstBits;
            long tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2;
            OddInverse(ws[r + 7], ws[r + 5], ws[r + 3], ws[r + 1], out tmp0, out tmp1, out tmp2, out tmp3);
            d[r] = limit[(int)(Descale(tmp10 + tmp3, shift) & 1023)];
            d[r + 7] = limit[(int)(Descale(tmp10 - tmp3, shift) & 1023)];
            d[r + 1] = limit[(int)(Descale(tmp11 + tmp2, shift) & 1023)];
            d[r + 6] = limit[(int)(Descale(tmp11 - tmp2, shift) & 1023)];
            d[r + 2] = limit[(int)(Descale(tmp12 + tmp1, shift) & 1023)];
            d[r + 5] = limit[(int)(Descale(tmp12 - tmp1, shift) & 1023)];
            d[r + 3] = limit[(int)(Descale(tmp13 + tmp0, shift) & 1023)];
            d[r + 4] = limit[(int)(Descale(tmp13 - tmp0, shift) & 1023)];
        }
    }

    /// <summary>The odd part of the inverse DCT from inputs 7, 5, 3, 1: the terms added to and subtracted from the even part.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OddInverse(long tmp0, long tmp1, long tmp2, long tmp3, out long o0, out long o1, out long o2, out long o3)
    {
        long z1 = tmp0 + tmp3, z2 = tmp1 + tmp2, z3 = tmp0 + tmp2, z4 = tmp1 + tmp3;
        var z5 = (z3 + z4) * Fix1175875602;
        tmp0 *= Fix0298631336;
        tmp1 *= Fix2053119869;
        tmp2 *= Fix3072711026;
        tmp3 *= Fix1501321110;
        z1 *= -Fix0899976223;
        z2 *= -Fix2562915447;
        z3 = z3 * -Fix1961570560 + z5;
        z4 = z4 * -Fix0390180644 + z5;
        o0 = tmp0 + z1 + z3;
        o1 = tmp1 + z2 + z4;
        o2 = tmp2 + z2 + z3;
        o3 = tmp3 + z1 + z4;
    }

    /// <summary>
    /// prepare_range_limit_table's post-IDCT part: centred x in [-128, 383] maps to clamp(x + 128, 0, 255) and the
    /// rest wraps as libjpeg's mask does (x &amp; 1023), so even a wild coefficient decodes the same way.
    /// </summary>
    private static byte[] BuildRangeLimit()
    {
        var table = new byte[1024];
        for (var i = 0; i < 1024; i++)
        {
            table[i] = i switch
            {
                < 128 => (byte)(i + 128),
                < 512 => 255,
                < 896 => 0,
                _ => (byte)(i - 896),
            };
        }
        return table;
    }

    /// <summary>One quality's tables: the scaled luminance table and the encoder's divisors for it.</summary>
    private sealed class Tables
    {
        public readonly int[] Quant = new int[64];
        public readonly long[] Reciprocal = new long[64];
        public readonly long[] Correction = new long[64];
        public readonly int[] Shift = new int[64];

        public Tables(int quality)
        {
            // jpeg_quality_scaling, then jpeg_add_quant_table with force_baseline (entries 1..255), as Skia asks.
            var scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
            for (var i = 0; i < 64; i++)
            {
                var q = Math.Clamp((LuminanceTable[i] * scale + 50) / 100, 1, 255);
                Quant[i] = q;
                // The islow DCT's output is 8 times too large, so the encoder divides by 8q (jcdctmgr.c).
                Reciprocal[i] = ComputeReciprocal(q << 3, out Correction[i], out Shift[i]);
            }
        }

        /// <summary>
        /// jcdctmgr.c compute_reciprocal for 16-bit DCT elements: floor((x + c) * r / 2^shift) equals libjpeg's
        /// rounded division of x by the divisor. The shift includes the element width (16).
        /// </summary>
        private static long ComputeReciprocal(int divisor, out long correction, out int shift)
        {
            var b = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)divisor); // flss(divisor) - 1
            var r = 16 + b;
            var fq = (1L << r) / divisor;
            var fr = (1L << r) % divisor;
            long c = divisor / 2;
            if (fr == 0)
            {
                fq >>= 1;
                r--;
            }
            else if (fr <= divisor / 2)
            {
                c++;
            }
            else
            {
                fq++;
            }
            correction = c;
            shift = r;
            return fq;
        }
    }
}
