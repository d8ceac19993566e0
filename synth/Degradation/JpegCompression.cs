using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// A real JPEG round trip at <see cref="Quality"/> (libjpeg scale 1..100) through SkiaSharp's libjpeg-turbo: the
/// grey image is rounded to 8 bits, encoded as a single-component (greyscale) JPEG — so there is no chroma and no
/// chroma subsampling to state — and decoded back. Blocking, ringing and the 8-bit quantisation come from the codec
/// itself rather than from an imitation of it, so the network sees the artefacts real exports have.
/// </summary>
public readonly record struct JpegCompression(int Quality)
{
    public unsafe void Apply(GreyImage image)
    {
        if (Quality is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(Quality), Quality, "JPEG quality runs from 1 to 100");
        var w = image.Width;
        var h = image.Height;
        var pixels = image.Pixels;
        // One pooled 8-bit buffer serves as the encoder's input and the decoder's output (platform-notes §4: an
        // SKPixmap over pinned managed memory encodes fine, and SKCodec decodes straight into it as Gray8), so the
        // only allocations are Skia's: the encoded SKData and the codec.
        var bytes = ArrayPool<byte>.Shared.Rent(w * h);
        try
        {
            ToBytes(pixels, bytes.AsSpan(0, pixels.Length));

            var info = new SKImageInfo(w, h, SKColorType.Gray8, SKAlphaType.Opaque);
            fixed (byte* p = bytes)
            {
                using (var pixmap = new SKPixmap(info, (IntPtr)p, w))
                using (var data = pixmap.Encode(new SKJpegEncoderOptions(Quality)) ?? throw new InvalidOperationException($"Skia could not encode a {w}x{h} grey JPEG at quality {Quality}"))
                using (var codec = SKCodec.Create(data) ?? throw new InvalidOperationException("Skia could not read back the JPEG it wrote"))
                {
                    var result = codec.GetPixels(info, (IntPtr)p);
                    if (result != SKCodecResult.Success) throw new InvalidOperationException($"decoding the JPEG failed: {result}");
                }
            }

            FromBytes(bytes.AsSpan(0, pixels.Length), pixels);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Clamps to [0, 1] and rounds to the nearest 8-bit code (the clamp makes the pipeline's own clamp
    /// redundant before JPEG); whole vectors, then the same arithmetic on the tail.</summary>
    private static void ToBytes(ReadOnlySpan<float> pixels, Span<byte> bytes)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Four float vectors make one byte vector: convert, then narrow 32 -> 16 -> 8 bits (the codes are
            // 0..255 already, so narrowing loses nothing).
            var n = Vector<float>.Count;
            ref var src = ref MemoryMarshal.GetReference(pixels);
            ref var dst = ref MemoryMarshal.GetReference(bytes);
            for (; i <= pixels.Length - 4 * n; i += 4 * n)
            {
                var a = Code(Vector.LoadUnsafe(ref src, (nuint)i));
                var b = Code(Vector.LoadUnsafe(ref src, (nuint)(i + n)));
                var c = Code(Vector.LoadUnsafe(ref src, (nuint)(i + 2 * n)));
                var d = Code(Vector.LoadUnsafe(ref src, (nuint)(i + 3 * n)));
                Vector.Narrow(Vector.Narrow(a, b), Vector.Narrow(c, d)).StoreUnsafe(ref dst, (nuint)i);
            }
        }
        for (; i < pixels.Length; i++) bytes[i] = (byte)(uint)(Math.Min(Math.Max(pixels[i], 0f), 1f) * 255f + 0.5f);
    }

    /// <summary>The same arithmetic as the scalar tail: clamp, times 255, plus a half, truncate.</summary>
    private static Vector<uint> Code(Vector<float> v) =>
        Vector.ConvertToUInt32(Vector.Min(Vector.Max(v, Vector<float>.Zero), Vector<float>.One) * new Vector<float>(255f) + new Vector<float>(0.5f));

    /// <summary>Back to [0, 1]: code / 255, by a table of the 256 quotients (one load instead of a division).</summary>
    private static void FromBytes(ReadOnlySpan<byte> bytes, Span<float> pixels)
    {
        var table = Codes;
        for (var i = 0; i < pixels.Length; i++) pixels[i] = table[bytes[i]];
    }

    private static readonly float[] Codes = BuildCodes();

    private static float[] BuildCodes()
    {
        var table = new float[256];
        for (var i = 0; i < 256; i++) table[i] = i / 255f;
        return table;
    }
}
