using System.Numerics;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>Grey images to and from 8-bit Skia bitmaps and PNG files.</summary>
public static class GreyImageIO
{
    public static SKBitmap ToBitmap(GreyImage image)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var bytes = bitmap.GetPixelSpan();
        var stride = bitmap.RowBytes;
        for (var y = 0; y < image.Height; y++)
        {
            ToCodes(image.Row(y), bytes.Slice(y * stride, image.Width));
        }
        return bitmap;
    }

    public static void SavePng(GreyImage image, string path)
    {
        using var bitmap = ToBitmap(image);
        SavePng(bitmap, path);
    }

    public static void SavePng(SKBitmap bitmap, string path)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    public static GreyImage FromBitmap(SKBitmap bitmap)
    {
        using var grey = bitmap.ColorType == SKColorType.Gray8 ? null : new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        if (grey is not null && !bitmap.CopyTo(grey, SKColorType.Gray8)) throw new InvalidOperationException("cannot convert the image to grey");
        var source = grey ?? bitmap;
        var image = new GreyImage(source.Width, source.Height);
        var bytes = source.GetPixelSpan();
        for (var y = 0; y < source.Height; y++)
        {
            FromCodes(bytes.Slice(y * source.RowBytes, source.Width), image.Row(y));
        }
        return image;
    }

    /// <summary>Clamps to [0, 1] and rounds to the nearest 8-bit code (the clamp makes the pipeline's own clamp
    /// redundant before JPEG); whole vectors, then the same arithmetic on the tail.</summary>
    internal static void ToCodes(ReadOnlySpan<float> pixels, Span<byte> bytes)
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
    internal static void FromCodes(ReadOnlySpan<byte> bytes, Span<float> pixels)
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
