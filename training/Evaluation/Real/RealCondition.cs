using System.Globalization;
using System.Numerics;
using DeepPlate.Inference;
using SkiaSharp;

namespace DeepPlate.Training.Evaluation.Real;

/// <summary>
/// How a real photo is presented to the reader: as given ("clean"), or degraded like a cell of the evaluation grid:
/// the whole picture scaled (with mipmaps, as viewers and exporters shrink pictures) so that the plate is
/// <see cref="WidthPx"/> pixels wide, then a real colour JPEG encode at <see cref="JpegQuality"/> (libjpeg-turbo
/// through SkiaSharp, 4:2:0 chroma subsampling, as cameras and messengers write it).
/// </summary>
public sealed record RealCondition(int? WidthPx, int? JpegQuality)
{
    public static readonly RealCondition Clean = new(null, null);

    /// <summary>The grid's two reference cells for real photos: 30 px at JPEG 30, 20 px at JPEG 15.</summary>
    public static readonly IReadOnlyList<RealCondition> DefaultDegraded = [new(30, 30), new(20, 15)];

    public string Name => WidthPx is null ? "clean" : $"{WidthPx} px, JPEG {JpegQuality}";

    /// <summary>A short key for file names and JSON.</summary>
    public string Key => WidthPx is null ? "clean" : $"w{WidthPx}-q{JpegQuality}";

    /// <summary>Parses <c>W:Q,W:Q</c> (plate width in pixels, JPEG quality 1–100); empty gives no degraded condition.</summary>
    /// <exception cref="ArgumentException">A malformed or out-of-range pair.</exception>
    public static IReadOnlyList<RealCondition> ParseList(string text)
    {
        var list = new List<RealCondition>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var wq = part.Split(':');
            if (wq.Length != 2
                || !int.TryParse(wq[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
                || !int.TryParse(wq[1], NumberStyles.None, CultureInfo.InvariantCulture, out var q))
            {
                throw new ArgumentException($"--degrade '{part}': expected WIDTH:QUALITY, e.g. 30:30");
            }
            if (w is < 4 or > 1000) throw new ArgumentException($"--degrade '{part}': the plate width must be 4 to 1000 px");
            if (q is < 1 or > 100) throw new ArgumentException($"--degrade '{part}': the JPEG quality must be 1 to 100");
            list.Add(new RealCondition(w, q));
        }
        return list;
    }

    /// <summary>The plate's width in the picture: the mean length of its top and bottom edges.</summary>
    public static double PlateWidth(ReadOnlySpan<Vector2> corners) =>
        (Vector2.Distance(corners[0], corners[1]) + Vector2.Distance(corners[3], corners[2])) / 2;

    /// <summary>The picture and corners as this condition presents them (the same objects when clean).</summary>
    public (PlateImage Image, Vector2[] Corners) Apply(PlateImage image, Vector2[] corners)
    {
        if (WidthPx is not { } width) return (image, corners);
        var scale = width / PlateWidth(corners);
        var w = Math.Max(1, (int)Math.Round(image.Width * scale));
        var h = Math.Max(1, (int)Math.Round(image.Height * scale));
        using var scaled = image.Scaled(w, h);
        using var jpeg = scaled.Encode(SKEncodedImageFormat.Jpeg, JpegQuality ?? 100);
        var degraded = PlateImage.Decode(jpeg.AsSpan());
        var (sx, sy) = ((float)w / image.Width, (float)h / image.Height);
        var moved = new Vector2[corners.Length];
        for (var i = 0; i < corners.Length; i++) moved[i] = corners[i] * new Vector2(sx, sy);
        return (degraded, moved);
    }
}
