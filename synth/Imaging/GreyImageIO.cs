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
            var row = image.Row(y);
            var output = bytes.Slice(y * stride, image.Width);
            for (var x = 0; x < row.Length; x++) output[x] = (byte)Math.Clamp((int)MathF.Round(row[x] * 255f), 0, 255);
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
            var row = image.Row(y);
            var input = bytes.Slice(y * source.RowBytes, source.Width);
            for (var x = 0; x < row.Length; x++) row[x] = input[x] * (1f / 255f);
        }
        return image;
    }
}
