using System.Security.Cryptography;
using SkiaSharp;

namespace DeepPlate.Inference.Tests.Imaging;

public sealed class PlateImageTests
{
    // Left half dark, right half light, a mid-grey top-left quadrant: every orientation looks different.
    private static (byte, byte, byte) Pattern(int x, int y) =>
        x < 16 && y < 8 ? ((byte)128, (byte)128, (byte)128) : x < 16 ? ((byte)0, (byte)0, (byte)0) : ((byte)255, (byte)255, (byte)255);

    private static float[] Grey(PlateImage image)
    {
        var grey = new float[image.Width * image.Height];
        image.CopyGrey(0, 0, image.Width, image.Height, grey);
        return grey;
    }

    [Fact]
    public void LumaIsRec601OnTheEightBitCodes()
    {
        using var bitmap = TestImages.Bitmap(2, 1, (x, _) => x == 0 ? ((byte)200, (byte)100, (byte)50) : ((byte)0, (byte)255, (byte)0));
        var image = PlateImage.Decode(TestImages.Encode(bitmap, SKEncodedImageFormat.Png));
        var grey = Grey(image);
        Assert.Equal((0.299f * 200 + 0.587f * 100 + 0.114f * 50) * (1f / 255f), grey[0]);
        Assert.Equal(0.587f * 255 * (1f / 255f), grey[1]);
    }

    public static TheoryData<string> Formats => ["png", "png-grey8", "png-grey16", "png-rgb16", "bmp", "webp-lossless", "jpeg", "gif"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void EveryAcceptedFormatDecodesToTheSameGrey(string kind)
    {
        const int w = 32, h = 16;
        using var bitmap = TestImages.Bitmap(w, h, Pattern);
        byte Level(int x, int y) => Pattern(x, y).Item1;
        var (bytes, format) = kind switch
        {
            "png" => (TestImages.Encode(bitmap, SKEncodedImageFormat.Png), "PNG"),
            "png-grey8" => (TestImages.GreyPng(w, h, Level, 8), "PNG"),
            "png-grey16" => (TestImages.GreyPng(w, h, Level, 16), "PNG"),
            "png-rgb16" => (TestImages.Rgb16Png(w, h, Pattern), "PNG"),
            "bmp" => (TestImages.Bmp(w, h, Pattern), "BMP"),
            "webp-lossless" => (TestImages.Encode(bitmap, SKEncodedImageFormat.Webp), "WebP"),
            "jpeg" => (TestImages.Encode(bitmap, SKEncodedImageFormat.Jpeg, 100), "JPEG"),
            _ => (TestImages.Gif(w, h, 2, 0), "GIF"),
        };
        var image = PlateImage.Decode(bytes);
        Assert.Equal(format, image.Format);
        Assert.Equal((w, h), (image.Width, image.Height));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), image.Sha256);
        var grey = Grey(image);
        if (kind == "gif")
        {
            // The first frame (palette level 170), not the second (0).
            Assert.All(grey, v => Assert.Equal(170 / 255f, v, 4));
            return;
        }
        // JPEG is lossy at the edges; compare away from them.
        var tolerance = kind == "jpeg" ? 0.03f : 1e-5f;
        Assert.Equal(128 / 255f, grey[2 * w + 4], tolerance);
        Assert.Equal(0f, grey[12 * w + 4], tolerance);
        Assert.Equal(1f, grey[4 * w + 28], tolerance);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void ExifOrientationIsAppliedSoCoordinatesAreThoseOfTheUprightPicture(int orientation)
    {
        using var bitmap = TestImages.Bitmap(32, 16, Pattern);
        var jpeg = TestImages.WithExifOrientation(TestImages.Encode(bitmap, SKEncodedImageFormat.Jpeg, 100), orientation);
        var image = PlateImage.Decode(jpeg);
        Assert.Equal(orientation, image.Orientation);
        var turned = orientation >= 5;
        Assert.Equal(turned ? (16, 32) : (32, 16), (image.Width, image.Height));

        // Where the stored picture's pixel (sx, sy) is shown, by the EXIF definitions.
        (int X, int Y) Shown(int sx, int sy) => orientation switch
        {
            2 => (31 - sx, sy),
            3 => (31 - sx, 15 - sy),
            4 => (sx, 15 - sy),
            5 => (sy, sx),
            6 => (15 - sy, sx),
            7 => (15 - sy, 31 - sx),
            8 => (sy, 31 - sx),
            _ => (sx, sy),
        };
        var grey = Grey(image);
        foreach (var (sx, sy, level) in new[] { (4, 3, 128), (4, 12, 0), (28, 4, 255), (27, 13, 255) })
        {
            var (x, y) = Shown(sx, sy);
            Assert.Equal(level / 255f, grey[y * image.Width + x], 0.03f);
        }
    }

    [Fact]
    public void CopyGreyOfARegionMatchesTheWholePicture()
    {
        using var bitmap = TestImages.Bitmap(32, 16, (x, y) => ((byte)(x * 8), (byte)(y * 16), (byte)(x + y)));
        foreach (var orientation in new[] { 1, 6 })
        {
            var image = PlateImage.Decode(TestImages.WithExifOrientation(TestImages.Encode(bitmap, SKEncodedImageFormat.Jpeg), orientation));
            var whole = Grey(image);
            var region = new float[5 * 7];
            image.CopyGrey(3, 2, 5, 7, region);
            for (var y = 0; y < 7; y++)
            {
                for (var x = 0; x < 5; x++) Assert.Equal(whole[(y + 2) * image.Width + x + 3], region[y * 5 + x]);
            }
        }
    }

    [Fact]
    public void MoreThanFiftyMegapixelsIsRefusedFromTheHeaderWithoutDecoding()
    {
        var png = TestImages.PngHeaderOnly(10_000, 6_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ImageException>(() => PlateImage.Decode(png));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "no pixel buffer allocated");
        Assert.Contains("60.0 megapixels", e.Message);
        Assert.Contains("10000 x 6000", e.Message);
        // 50 megapixels exactly is still accepted by the check (the header-only file then fails as truncated).
        var atLimit = Assert.Throws<ImageException>(() => PlateImage.Decode(TestImages.PngHeaderOnly(10_000, 5_000)));
        Assert.DoesNotContain("megapixels", atLimit.Message);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("gif")]
    [InlineData("bmp")]
    public void TruncatedFilesAreRefused(string kind)
    {
        using var bitmap = TestImages.Bitmap(64, 64, (x, y) => ((byte)(x * 4), (byte)(y * 4), (byte)(x ^ y)));
        var whole = kind switch
        {
            "png" => TestImages.Encode(bitmap, SKEncodedImageFormat.Png),
            "jpeg" => TestImages.Encode(bitmap, SKEncodedImageFormat.Jpeg, 90),
            "gif" => TestImages.Gif(64, 64, 1),
            _ => TestImages.Bmp(64, 64, (x, y) => ((byte)x, (byte)y, 0)),
        };
        foreach (var keep in new[] { whole.Length / 2, 20, 3 })
        {
            var e = Assert.Throws<ImageException>(() => PlateImage.Decode(whole.AsSpan(0, keep)));
            Assert.True(e.Message.Contains("truncated") || e.Message.Contains("corrupt") || e.Message.Contains("not a picture"), e.Message);
        }
        Assert.Contains("truncated", Assert.Throws<ImageException>(() => PlateImage.Decode(whole.AsSpan(0, whole.Length / 2))).Message);
    }

    [Fact]
    public void CorruptDataIsRefused()
    {
        using var bitmap = TestImages.Bitmap(64, 64, (x, y) => ((byte)(x * 4), (byte)(y * 4), (byte)(x ^ y)));
        var png = TestImages.Encode(bitmap, SKEncodedImageFormat.Png);
        // Overwrite the compressed pixel data (after the header chunks) with garbage.
        for (var i = 60; i < png.Length - 20; i++) png[i] = (byte)(i * 37);
        var e = Assert.Throws<ImageException>(() => PlateImage.Decode(png));
        Assert.True(e.Message.Contains("corrupt") || e.Message.Contains("truncated"), e.Message);
    }

    [Fact]
    public void UnsupportedAndNonPictureFilesAreRefusedByName()
    {
        using var bitmap = TestImages.Bitmap(8, 8, (_, _) => (1, 2, 3));
        var ico = Assert.Throws<ImageException>(() => PlateImage.Decode(TestImages.Ico(TestImages.Encode(bitmap, SKEncodedImageFormat.Png))));
        Assert.Contains("Ico pictures are not supported", ico.Message);
        var text = Assert.Throws<ImageException>(() => PlateImage.Decode("plate: B AB 1234\n"u8));
        Assert.Contains("not a picture in a supported format", text.Message);
        Assert.Contains("empty", Assert.Throws<ImageException>(() => PlateImage.Decode([])).Message);
    }

    [Fact]
    public void LoadNamesTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), "deepplate-no-such-file.png");
        Assert.Contains(missing, Assert.Throws<ImageException>(() => PlateImage.Load(missing)).Message);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a picture");
            var e = Assert.Throws<ImageException>(() => PlateImage.Load(path));
            Assert.StartsWith(path + ": ", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
