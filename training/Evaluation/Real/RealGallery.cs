using System.Globalization;
using System.Text;
using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Synth;
using SkiaSharp;

namespace DeepPlate.Training.Evaluation.Real;

/// <summary>
/// Failure galleries: for the worst-read photos of a source, the network's input exactly as the model saw it (the
/// rectified grey plate, its standardised values stretched to black..white for the eye), the label, the top reading
/// with its confidence and every position's three most likely characters; and the same sheet for synthetic plates
/// of the country as training draws them, so anyone can see how synthetic and real inputs differ. These sheets hold
/// pictures of the photos: they go to the output folder, never into the repository.
/// </summary>
public static class RealGallery
{
    /// <summary>Photos per gallery and synthetic plates per sheet.</summary>
    public const int Cells = 32;

    /// <summary>The seed of the synthetic sheet ("GALL"), apart from training, validation, calibration and the grid.</summary>
    public const ulong SyntheticSeed = 0x47414C4C;

    private const int Zoom = 3;

    /// <summary>The worst reads first: lowest character accuracy, then the most confident.</summary>
    public static List<RealRead> Worst(IEnumerable<RealRead> reads, int count) =>
        [.. reads.Where(r => r.Error is null).OrderBy(r => r.CharAccuracy).ThenByDescending(r => r.TopConfidence).ThenBy(r => r.Photo.Line).Take(count)];

    /// <summary>Writes the gallery of <paramref name="reads"/> (one source, one condition) to <paramref name="path"/>.</summary>
    public static void WriteReal(PlateReader reader, IReadOnlyList<RealRead> reads, string path)
    {
        var cells = new List<(SKBitmap, string)>();
        try
        {
            foreach (var r in Worst(reads, Cells))
            {
                var (image, corners) = RealEvaluation.Present(r.Photo, PlateImage.Load(r.Photo.Image), r.Condition);
                var model = reader.Models.For(r.Photo.Country);
                var input = new float[model.InputSize];
                PlatePreprocessing.Rectify(image, corners, input, model.Info.InputWidth, model.Info.InputHeight);
                cells.Add((InputPicture(input, model.Info.InputWidth, model.Info.InputHeight), Caption(r.Photo.Name, r.Photo.Text, r)));
            }
            Save(cells, path);
        }
        finally
        {
            foreach (var (b, _) in cells) b.Dispose();
        }
    }

    /// <summary>Writes the sheet of <see cref="Cells"/> synthetic plates of a country (training's full difficulty),
    /// read by the same reader.</summary>
    public static void WriteSynthetic(PlateReader reader, string country, string path)
    {
        var cells = new List<(SKBitmap, string)>();
        using var generator = new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default, AppearanceSpec.Default);
        var model = reader.Models.For(country);
        try
        {
            for (var i = 0; i < Cells; i++)
            {
                using var plate = generator.Generate(country, null, SyntheticSeed, i);
                using var bitmap = GreyImageIO.ToBitmap(plate.Scene);
                using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                var image = PlateImage.Decode(png.AsSpan());
                var photo = new RealPhoto(i + 1, $"synthetic {i}", country, null, plate.Clicked, plate.Text.Compact, "synthetic", "");
                var read = RealEvaluation.Read(reader, photo, image, RealCondition.Clean);
                var input = new float[model.InputSize];
                PlatePreprocessing.Rectify(image, plate.Clicked, input, model.Info.InputWidth, model.Info.InputHeight);
                var d = plate.Degradations;
                var name = string.Create(CultureInfo.InvariantCulture, $"#{i} {d.WidthPx:F0} px, blur {d.BlurSigmaPx:F1}, {(d.SnrDb is { } s ? $"{s:F0} dB" : "no noise")}, {(d.JpegQuality is { } q ? $"Q{q}" : "no JPEG")}");
                cells.Add((InputPicture(input, model.Info.InputWidth, model.Info.InputHeight), Caption(name, plate.Text.Compact, read)));
            }
            Save(cells, path);
        }
        finally
        {
            foreach (var (b, _) in cells) b.Dispose();
        }
    }

    /// <summary>The network input as a grey picture: standardised values stretched from their minimum to their maximum.</summary>
    public static SKBitmap InputPicture(ReadOnlySpan<float> input, int width, int height)
    {
        float min = float.MaxValue, max = float.MinValue;
        foreach (var v in input[..(width * height)])
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        var scale = max > min ? 255f / (max - min) : 0;
        var bitmap = new SKBitmap(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < width * height; i++) pixels[i] = (byte)Math.Clamp((input[i] - min) * scale + 0.5f, 0, 255);
        return bitmap;
    }

    /// <summary>Name, label, top reading with confidence, then the 1st, 2nd and 3rd characters of every position
    /// (<c>·</c> = no character), lined up by position.</summary>
    public static string Caption(string name, string truth, RealRead r)
    {
        var text = new StringBuilder()
            .Append(name.Length > 44 ? name[..44] : name).Append('\n')
            .Append("truth ").Append(truth).Append('\n')
            .Append("read  ").Append(r.Top).Append(string.Create(CultureInfo.InvariantCulture, $"  {r.TopConfidence:P0}  acc {r.CharAccuracy:P0}"));
        string[] ranks = ["1st", "2nd", "3rd"];
        for (var k = 0; k < 3; k++)
        {
            text.Append('\n').Append(ranks[k]).Append("   ");
            foreach (var position in r.Top3) text.Append(position.Count > k ? position[k].Char is "" ? "·" : position[k].Char : " ");
        }
        return text.ToString();
    }

    private static void Save(List<(SKBitmap, string)> cells, string path)
    {
        using var sheet = ContactSheet.Render(cells, columns: 4, cellWidth: 128 * Zoom + 16, cellHeight: 32 * Zoom + 12 + 14 * 6 + 8, monospace: true);
        GreyImageIO.SavePng(sheet, path);
    }
}
