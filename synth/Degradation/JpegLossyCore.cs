using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DeepPlate.Synth;

/// <summary>
/// The lossy half of a baseline greyscale JPEG round trip, as libjpeg-turbo (Skia's codec) computes it, bit for bit:
/// edge replication to whole 8x8 blocks, level shift, the "islow" integer forward DCT (jfdctint.c), quantisation by
/// the IJG luminance table scaled for the quality (jcparam.c) with libjpeg-turbo's reciprocal arithmetic
/// (jcdctmgr.c), dequantisation and the "islow" inverse DCT with its range-limit table (jidctint.c, jdmaster.c).
/// The entropy coding in between is lossless, so leaving it out changes nothing but the time (a real encode and
/// decode costs 75-150 µs on a typical scene). JpegCompressionTests holds it to Skia's real codec byte for byte.
/// </summary>
/// <remarks>
/// A block is eight vectors of eight 32-bit lanes; each 1-D pass works on all eight rows (or columns) at once, with
/// a transpose between passes, as libjpeg-turbo's own SIMD code does. libjpeg computes in 64 bits; 32-bit lanes
/// give the same results because every value the passes keep fits in 32 bits, and where an intermediate sum of the
/// final pass could wrap, only bits 18-27 of it are used (the range limit masks with 1023 after an 18-bit shift),
/// and wrapping arithmetic keeps the low 32 bits exact.
/// </remarks>
internal static class JpegLossyCore
{
    private const int ConstBits = 13;
    private const int Pass1Bits = 2;

    private const int Fix0298631336 = 2446;
    private const int Fix0390180644 = 3196;
    private const int Fix0541196100 = 4433;
    private const int Fix0765366865 = 6270;
    private const int Fix0899976223 = 7373;
    private const int Fix1175875602 = 9633;
    private const int Fix1501321110 = 12299;
    private const int Fix1847759065 = 15137;
    private const int Fix1961570560 = 16069;
    private const int Fix2053119869 = 16819;
    private const int Fix2562915447 = 20995;
    private const int Fix3072711026 = 25172;

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

    /// <summary>Per quality 1..100: the quantisation table and the encoder's divisors, built on first use.</summary>
    private static readonly Tables?[] ByQuality = new Tables?[101];

    /// <summary>Degrades <paramref name="codes"/> (8-bit samples, <paramref name="width"/> x <paramref name="height"/>, row-major) in place.</summary>
    public static void RoundTrip(Span<byte> codes, int width, int height, int quality)
    {
        if (quality is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(quality), quality, "JPEG quality runs from 1 to 100");
        if (width <= 0 || height <= 0 || codes.Length < width * height) throw new ArgumentException($"{codes.Length} samples for {width}x{height}", nameof(codes));
        var t = ByQuality[quality] ??= new Tables(quality);
        Span<byte> edge = stackalloc byte[64];
        Block b = default;
        for (var by = 0; by < height; by += 8)
        {
            var rows = Math.Min(8, height - by);
            for (var bx = 0; bx < width; bx += 8)
            {
                var cols = Math.Min(8, width - bx);
                if (rows == 8 && cols == 8)
                {
                    b.Load(codes[(by * width + bx)..], width);
                }
                else
                {
                    // The encoder replicates the last column and row to fill edge blocks (jcsample.c
                    // expand_right_edge, jcprepct.c expand_bottom_edge); the decoder keeps the image's own samples.
                    for (var y = 0; y < 8; y++)
                    {
                        var row = codes.Slice(Math.Min(by + y, height - 1) * width, width);
                        for (var x = 0; x < 8; x++) edge[y * 8 + x] = row[Math.Min(bx + x, width - 1)];
                    }
                    b.Load(edge, 8);
                }

                // Forward: rows then columns (each pass transposes first so that a vector holds one position of
                // all eight lines), quantise, dequantise; inverse: columns then rows.
                b.Transpose();
                ForwardPass(ref b, first: true);
                b.Transpose();
                ForwardPass(ref b, first: false);
                b.Quantise(t);
                InversePass(ref b, first: true);
                b.Transpose();
                InversePass(ref b, first: false);
                b.Transpose();
                b.RangeLimit();

                if (rows == 8 && cols == 8)
                {
                    b.Store(codes[(by * width + bx)..], width);
                }
                else
                {
                    b.Store(edge, 8);
                    for (var y = 0; y < rows; y++) edge.Slice(y * 8, cols).CopyTo(codes.Slice((by + y) * width + bx, cols));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Descale(Vector256<int> x, [ConstantExpected] int n) => (x + Vector256.Create(1 << (n - 1))) >> n;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Mul(Vector256<int> x, int c) => x * Vector256.Create(c);

    /// <summary>
    /// One pass of jpeg_fdct_islow over the eight lines held lane-wise in the block's vectors (vector k = sample k of
    /// every line). The first (row) pass keeps PASS1_BITS of extra precision, the second (column) pass removes it.
    /// </summary>
    private static void ForwardPass(ref Block b, bool first)
    {
        var tmp0 = b.V0 + b.V7;
        var tmp7 = b.V0 - b.V7;
        var tmp1 = b.V1 + b.V6;
        var tmp6 = b.V1 - b.V6;
        var tmp2 = b.V2 + b.V5;
        var tmp5 = b.V2 - b.V5;
        var tmp3 = b.V3 + b.V4;
        var tmp4 = b.V3 - b.V4;
        var tmp10 = tmp0 + tmp3;
        var tmp13 = tmp0 - tmp3;
        var tmp11 = tmp1 + tmp2;
        var tmp12 = tmp1 - tmp2;
        var z1 = Mul(tmp12 + tmp13, Fix0541196100);
        var even2 = z1 + Mul(tmp13, Fix0765366865);
        var even6 = z1 - Mul(tmp12, Fix1847759065);
        Odd(tmp4, tmp5, tmp6, tmp7, out var o7, out var o5, out var o3, out var o1);
        if (first)
        {
            b.V0 = (tmp10 + tmp11) << Pass1Bits;
            b.V4 = (tmp10 - tmp11) << Pass1Bits;
            b.V2 = Descale(even2, ConstBits - Pass1Bits);
            b.V6 = Descale(even6, ConstBits - Pass1Bits);
            b.V7 = Descale(o7, ConstBits - Pass1Bits);
            b.V5 = Descale(o5, ConstBits - Pass1Bits);
            b.V3 = Descale(o3, ConstBits - Pass1Bits);
            b.V1 = Descale(o1, ConstBits - Pass1Bits);
        }
        else
        {
            b.V0 = Descale(tmp10 + tmp11, Pass1Bits);
            b.V4 = Descale(tmp10 - tmp11, Pass1Bits);
            b.V2 = Descale(even2, ConstBits + Pass1Bits);
            b.V6 = Descale(even6, ConstBits + Pass1Bits);
            b.V7 = Descale(o7, ConstBits + Pass1Bits);
            b.V5 = Descale(o5, ConstBits + Pass1Bits);
            b.V3 = Descale(o3, ConstBits + Pass1Bits);
            b.V1 = Descale(o1, ConstBits + Pass1Bits);
        }
    }

    /// <summary>
    /// One pass of jpeg_idct_islow over dequantised coefficients: the first (column) pass keeps PASS1_BITS of extra
    /// precision, the second (row) pass removes it and the 8x scale (before the range limit). libjpeg's shortcuts for
    /// all-zero AC terms compute the same values, so every line takes the full path here.
    /// </summary>
    private static void InversePass(ref Block b, bool first)
    {
        var z2 = b.V2;
        var z3 = b.V6;
        var z1 = Mul(z2 + z3, Fix0541196100);
        var tmp2 = z1 - Mul(z3, Fix1847759065);
        var tmp3 = z1 + Mul(z2, Fix0765366865);
        var tmp0 = (b.V0 + b.V4) << ConstBits;
        var tmp1 = (b.V0 - b.V4) << ConstBits;
        var tmp10 = tmp0 + tmp3;
        var tmp13 = tmp0 - tmp3;
        var tmp11 = tmp1 + tmp2;
        var tmp12 = tmp1 - tmp2;
        // The odd part of the inverse is the transpose of the forward one: same rotations on inputs 7, 5, 3, 1.
        Odd(b.V7, b.V5, b.V3, b.V1, out tmp0, out tmp1, out tmp2, out tmp3);
        if (first)
        {
            b.V0 = Descale(tmp10 + tmp3, ConstBits - Pass1Bits);
            b.V7 = Descale(tmp10 - tmp3, ConstBits - Pass1Bits);
            b.V1 = Descale(tmp11 + tmp2, ConstBits - Pass1Bits);
            b.V6 = Descale(tmp11 - tmp2, ConstBits - Pass1Bits);
            b.V2 = Descale(tmp12 + tmp1, ConstBits - Pass1Bits);
            b.V5 = Descale(tmp12 - tmp1, ConstBits - Pass1Bits);
            b.V3 = Descale(tmp13 + tmp0, ConstBits - Pass1Bits);
            b.V4 = Descale(tmp13 - tmp0, ConstBits - Pass1Bits);
        }
        else
        {
            const int shift = ConstBits + Pass1Bits + 3;
            b.V0 = Descale(tmp10 + tmp3, shift);
            b.V7 = Descale(tmp10 - tmp3, shift);
            b.V1 = Descale(tmp11 + tmp2, shift);
            b.V6 = Descale(tmp11 - tmp2, shift);
            b.V2 = Descale(tmp12 + tmp1, shift);
            b.V5 = Descale(tmp12 - tmp1, shift);
            b.V3 = Descale(tmp13 + tmp0, shift);
            b.V4 = Descale(tmp13 - tmp0, shift);
        }
    }

    /// <summary>
    /// The odd part shared by both DCTs (Loeffler's figure 8), before descaling: from inputs (a, b, c, d) = forward
    /// (tmp4, tmp5, tmp6, tmp7) or inverse (in7, in5, in3, in1), the outputs forward 7, 5, 3, 1 / inverse tmp0..tmp3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Odd(Vector256<int> a, Vector256<int> b, Vector256<int> c, Vector256<int> d,
        out Vector256<int> oa, out Vector256<int> ob, out Vector256<int> oc, out Vector256<int> od)
    {
        var z1 = a + d;
        var z2 = b + c;
        var z3 = a + c;
        var z4 = b + d;
        var z5 = Mul(z3 + z4, Fix1175875602);
        z1 = Mul(z1, -Fix0899976223);
        z2 = Mul(z2, -Fix2562915447);
        z3 = Mul(z3, -Fix1961570560) + z5;
        z4 = Mul(z4, -Fix0390180644) + z5;
        oa = Mul(a, Fix0298631336) + z1 + z3;
        ob = Mul(b, Fix2053119869) + z2 + z4;
        oc = Mul(c, Fix3072711026) + z2 + z3;
        od = Mul(d, Fix1501321110) + z1 + z4;
    }

    /// <summary>An 8x8 block as eight row vectors (or, between transposes, eight column vectors).</summary>
    private struct Block
    {
        public Vector256<int> V0, V1, V2, V3, V4, V5, V6, V7;

        /// <summary>Eight rows of eight samples, <paramref name="stride"/> apart, level-shifted to -128..127.</summary>
        public void Load(ReadOnlySpan<byte> src, int stride)
        {
            var shift = Vector256.Create(128);
            V0 = Row(src, 0) - shift;
            V1 = Row(src, stride) - shift;
            V2 = Row(src, 2 * stride) - shift;
            V3 = Row(src, 3 * stride) - shift;
            V4 = Row(src, 4 * stride) - shift;
            V5 = Row(src, 5 * stride) - shift;
            V6 = Row(src, 6 * stride) - shift;
            V7 = Row(src, 7 * stride) - shift;
        }

        private static Vector256<int> Row(ReadOnlySpan<byte> src, int offset)
        {
            var bytes = Vector128.CreateScalar(BitConverter.ToUInt64(src.Slice(offset, 8))).AsByte();
            if (Avx2.IsSupported) return Avx2.ConvertToVector256Int32(bytes);
            var (lo, _) = Vector128.Widen(bytes);
            var (a, b) = Vector128.Widen(lo);
            return Vector256.Create(a.AsInt32(), b.AsInt32());
        }

        /// <summary>Eight rows of eight samples (values already 0..255), <paramref name="stride"/> apart.</summary>
        public readonly void Store(Span<byte> dst, int stride)
        {
            var top = Vector256.Narrow(Vector256.Narrow(V0, V1), Vector256.Narrow(V2, V3)).AsUInt64();
            var bottom = Vector256.Narrow(Vector256.Narrow(V4, V5), Vector256.Narrow(V6, V7)).AsUInt64();
            BitConverter.TryWriteBytes(dst[..8], top.GetElement(0));
            BitConverter.TryWriteBytes(dst.Slice(stride, 8), top.GetElement(1));
            BitConverter.TryWriteBytes(dst.Slice(2 * stride, 8), top.GetElement(2));
            BitConverter.TryWriteBytes(dst.Slice(3 * stride, 8), top.GetElement(3));
            BitConverter.TryWriteBytes(dst.Slice(4 * stride, 8), bottom.GetElement(0));
            BitConverter.TryWriteBytes(dst.Slice(5 * stride, 8), bottom.GetElement(1));
            BitConverter.TryWriteBytes(dst.Slice(6 * stride, 8), bottom.GetElement(2));
            BitConverter.TryWriteBytes(dst.Slice(7 * stride, 8), bottom.GetElement(3));
        }

        /// <summary>
        /// jcdctmgr.c quantize() (|coefficient| plus a correction, times a reciprocal, shifted, the sign put back),
        /// then the decoder's dequantisation (times the table entry): the coefficients the inverse DCT receives.
        /// </summary>
        public void Quantise(Tables t)
        {
            V0 = Quantise(V0, t, 0);
            V1 = Quantise(V1, t, 1);
            V2 = Quantise(V2, t, 2);
            V3 = Quantise(V3, t, 3);
            V4 = Quantise(V4, t, 4);
            V5 = Quantise(V5, t, 5);
            V6 = Quantise(V6, t, 6);
            V7 = Quantise(V7, t, 7);
        }

        private static Vector256<int> Quantise(Vector256<int> v, Tables t, int row)
        {
            // |v| + c < 2^14 and r < 2^17: the product fits in 31 bits.
            var magnitude = (Vector256.Abs(v) + t.Correction[row]) * t.Reciprocal[row];
            var q = Avx2.IsSupported
                ? Avx2.ShiftRightLogicalVariable(magnitude.AsUInt32(), t.Shift[row]).AsInt32()
                : ShiftEach(magnitude, t.Shift[row]);
            return Vector256.ConditionalSelect(Vector256.LessThan(v, Vector256<int>.Zero), -q, q) * t.Quant[row];
        }

        private static Vector256<int> ShiftEach(Vector256<int> v, Vector256<uint> shifts)
        {
            Span<int> lanes = stackalloc int[8];
            for (var i = 0; i < 8; i++) lanes[i] = (int)((uint)v.GetElement(i) >> (int)shifts.GetElement(i));
            return Vector256.Create<int>(lanes);
        }

        /// <summary>
        /// The decoder's range limit (prepare_range_limit_table) on the centred output x: table[x &amp; 1023], which is
        /// clamp(x + 128, 0, 255) for x in [-512, 511] and wraps beyond. Written as arithmetic: with
        /// t = (x + 128) &amp; 1023, the table holds t below 256, 255 from 256 to 639 and 0 above.
        /// </summary>
        public void RangeLimit()
        {
            V0 = Limit(V0);
            V1 = Limit(V1);
            V2 = Limit(V2);
            V3 = Limit(V3);
            V4 = Limit(V4);
            V5 = Limit(V5);
            V6 = Limit(V6);
            V7 = Limit(V7);
        }

        private static Vector256<int> Limit(Vector256<int> x)
        {
            var t = (x + Vector256.Create(128)) & Vector256.Create(1023);
            return Vector256.AndNot(Vector256.Min(t, Vector256.Create(255)), Vector256.GreaterThan(t, Vector256.Create(639)));
        }

        public void Transpose()
        {
            if (!Avx2.IsSupported)
            {
                TransposeScalar();
                return;
            }
            var t0 = Avx2.UnpackLow(V0, V1);
            var t1 = Avx2.UnpackHigh(V0, V1);
            var t2 = Avx2.UnpackLow(V2, V3);
            var t3 = Avx2.UnpackHigh(V2, V3);
            var t4 = Avx2.UnpackLow(V4, V5);
            var t5 = Avx2.UnpackHigh(V4, V5);
            var t6 = Avx2.UnpackLow(V6, V7);
            var t7 = Avx2.UnpackHigh(V6, V7);
            var u0 = Avx2.UnpackLow(t0.AsInt64(), t2.AsInt64()).AsInt32();
            var u1 = Avx2.UnpackHigh(t0.AsInt64(), t2.AsInt64()).AsInt32();
            var u2 = Avx2.UnpackLow(t1.AsInt64(), t3.AsInt64()).AsInt32();
            var u3 = Avx2.UnpackHigh(t1.AsInt64(), t3.AsInt64()).AsInt32();
            var u4 = Avx2.UnpackLow(t4.AsInt64(), t6.AsInt64()).AsInt32();
            var u5 = Avx2.UnpackHigh(t4.AsInt64(), t6.AsInt64()).AsInt32();
            var u6 = Avx2.UnpackLow(t5.AsInt64(), t7.AsInt64()).AsInt32();
            var u7 = Avx2.UnpackHigh(t5.AsInt64(), t7.AsInt64()).AsInt32();
            V0 = Avx2.Permute2x128(u0, u4, 0x20);
            V1 = Avx2.Permute2x128(u1, u5, 0x20);
            V2 = Avx2.Permute2x128(u2, u6, 0x20);
            V3 = Avx2.Permute2x128(u3, u7, 0x20);
            V4 = Avx2.Permute2x128(u0, u4, 0x31);
            V5 = Avx2.Permute2x128(u1, u5, 0x31);
            V6 = Avx2.Permute2x128(u2, u6, 0x31);
            V7 = Avx2.Permute2x128(u3, u7, 0x31);
        }

        private void TransposeScalar()
        {
            Span<int> m = stackalloc int[64];
            Span<int> r = stackalloc int[64];
            V0.CopyTo(m); V1.CopyTo(m[8..]); V2.CopyTo(m[16..]); V3.CopyTo(m[24..]);
            V4.CopyTo(m[32..]); V5.CopyTo(m[40..]); V6.CopyTo(m[48..]); V7.CopyTo(m[56..]);
            for (var y = 0; y < 8; y++) for (var x = 0; x < 8; x++) r[x * 8 + y] = m[y * 8 + x];
            V0 = Vector256.Create<int>(r); V1 = Vector256.Create<int>(r[8..]); V2 = Vector256.Create<int>(r[16..]); V3 = Vector256.Create<int>(r[24..]);
            V4 = Vector256.Create<int>(r[32..]); V5 = Vector256.Create<int>(r[40..]); V6 = Vector256.Create<int>(r[48..]); V7 = Vector256.Create<int>(r[56..]);
        }
    }

    /// <summary>One quality's tables, a vector per row: the scaled luminance table and the encoder's divisors for it.</summary>
    private sealed class Tables
    {
        public readonly Vector256<int>[] Quant = new Vector256<int>[8];
        public readonly Vector256<int>[] Reciprocal = new Vector256<int>[8];
        public readonly Vector256<int>[] Correction = new Vector256<int>[8];
        public readonly Vector256<uint>[] Shift = new Vector256<uint>[8];

        public Tables(int quality)
        {
            // jpeg_quality_scaling, then jpeg_add_quant_table with force_baseline (entries 1..255), as Skia asks.
            var scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
            Span<int> quant = stackalloc int[8];
            Span<int> reciprocal = stackalloc int[8];
            Span<int> correction = stackalloc int[8];
            Span<uint> shift = stackalloc uint[8];
            for (var row = 0; row < 8; row++)
            {
                for (var col = 0; col < 8; col++)
                {
                    var q = Math.Clamp((LuminanceTable[row * 8 + col] * scale + 50) / 100, 1, 255);
                    quant[col] = q;
                    // The islow DCT's output is 8 times too large, so the encoder divides by 8q (jcdctmgr.c).
                    reciprocal[col] = ComputeReciprocal(q << 3, out correction[col], out shift[col]);
                }
                Quant[row] = Vector256.Create<int>(quant);
                Reciprocal[row] = Vector256.Create<int>(reciprocal);
                Correction[row] = Vector256.Create<int>(correction);
                Shift[row] = Vector256.Create<uint>(shift);
            }
        }

        /// <summary>
        /// jcdctmgr.c compute_reciprocal for 16-bit DCT elements (libjpeg-turbo's SIMD build): floor((x + c) * r /
        /// 2^shift) equals libjpeg's rounded division of x by the divisor. The shift includes the element width (16).
        /// </summary>
        private static int ComputeReciprocal(int divisor, out int correction, out uint shift)
        {
            var r = 16 + BitOperations.Log2((uint)divisor);
            var fq = (1L << r) / divisor;
            var fr = (1L << r) % divisor;
            var c = divisor / 2;
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
            shift = (uint)r;
            return (int)fq;
        }
    }
}
