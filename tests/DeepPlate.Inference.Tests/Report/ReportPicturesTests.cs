using DeepPlate.Inference.Report;
using SkiaSharp;
using UglyToad.PdfPig;
using static DeepPlate.Inference.Tests.Report.ReportPdf;

namespace DeepPlate.Inference.Tests.Report;

/// <summary>
/// The pictures in the report are evidence an examiner compares with the original: they are taken back out of a
/// generated PDF and compared, pixel by pixel, with what the report drew (the frame scaled to the embedded size).
/// </summary>
public sealed class ReportPicturesTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    [Fact]
    public void TheThumbnailIsEmbeddedLosslessly()
    {
        var scene = Scene(11);
        var (pdf, _) = Render([scene], new ReportDetails(["frame.png"], Created));
        var frame = PlateImage.Decode(scene.Png);

        var pictures = Embedded(pdf, 1);
        var picture = Assert.Single(pictures);
        using var drawn = frame.Scaled(picture.Width, picture.Height);
        using var expected = SKBitmap.FromImage(drawn);
        // Lossless: every channel of every pixel as drawn. (JPEG at any quality changes some; at quality 0, the old
        // default, most by tens of levels.)
        var worst = 0;
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                SKColor a = expected.GetPixel(x, y), b = picture.GetPixel(x, y);
                worst = Math.Max(worst, Math.Max(Math.Abs(a.Red - b.Red), Math.Max(Math.Abs(a.Green - b.Green), Math.Abs(a.Blue - b.Blue))));
            }
        }
        Assert.True(worst == 0, $"the embedded {picture.Width}x{picture.Height} picture differs from the drawn one by up to {worst} levels");
        foreach (var p in pictures) p.Dispose();
    }

    /// <summary>The images on a page, decoded as a PDF reader would: Flate-compressed samples through PdfPig's PNG
    /// conversion, a JPEG stream (DCTDecode) by Skia's JPEG decoder.</summary>
    private static List<SKBitmap> Embedded(byte[] pdf, int page)
    {
        using var document = PdfDocument.Open(pdf);
        var bitmaps = new List<SKBitmap>();
        foreach (var image in document.GetPage(page).GetImages())
        {
            var bytes = image.TryGetPng(out var png) ? png : image.RawBytes.ToArray();
            bitmaps.Add(SKBitmap.Decode(bytes) ?? throw new InvalidOperationException($"an embedded {image.WidthInSamples}x{image.HeightInSamples} image cannot be decoded"));
        }
        return bitmaps;
    }
}
