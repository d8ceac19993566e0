using SkiaSharp;

namespace DeepPlate.Synth.Tests.Degradation;

/// <summary>A real greyscale JPEG encode and decode through Skia's libjpeg-turbo: what <see cref="JpegCompression"/> must equal.</summary>
internal static class SkiaJpeg
{
    public static byte[] RoundTrip(byte[] codes, int width, int height, int quality)
    {
        var info = new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        for (var y = 0; y < height; y++) codes.AsSpan(y * width, width).CopyTo(bitmap.GetPixelSpan().Slice(y * bitmap.RowBytes));
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKJpegEncoderOptions(quality)) ?? throw new InvalidOperationException("Skia could not encode");
        using var decoded = SKBitmap.Decode(data, info) ?? throw new InvalidOperationException("Skia could not read its JPEG");
        var result = new byte[width * height];
        for (var y = 0; y < height; y++) decoded.GetPixelSpan().Slice(y * decoded.RowBytes, width).CopyTo(result.AsSpan(y * width));
        return result;
    }
}
