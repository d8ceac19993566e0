using System.Numerics;
using DeepPlate.Formats;
using DeepPlate.Inference.Tests.Models;
using DeepPlate.Synth;
using SkiaSharp;

namespace DeepPlate.Inference.Tests.Reading;

/// <summary>Synthetic scenes from the generator, written as real picture files, for the reader to read.</summary>
internal static class SyntheticFrames
{
    private static readonly ThreadLocal<PlateGenerator> Generators =
        new(() => new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default));

    private static readonly Lazy<PlateReader> SharedReader = new(() => new PlateReader(Fixtures.Catalog, FormatRegistry.Default));

    /// <summary>A reader over the fixture models, shared by the tests.</summary>
    public static PlateReader Reader => SharedReader.Value;

    /// <summary>Sample (seed, index) of a country as a PNG file, with its text and the corners a user clicked.</summary>
    public static (byte[] Png, string Text, Vector2[] Clicked) Scene(string country, ulong seed, long index, Func<Degradations, Degradations>? fix = null)
    {
        using var plate = Generators.Value!.Generate(country, null, seed, index, 0.5, fix);
        return (Png(plate.Scene), plate.Text.Compact, plate.Clicked);
    }

    public static byte[] Png(GreyImage image)
    {
        using var bitmap = GreyImageIO.ToBitmap(image);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A scene whose clicked corners lie inside it (click error can push one out at small widths).</summary>
    public static (PlateImage Image, string Text, Vector2[] Clicked) ReadableScene(string country, ulong seed = 7)
    {
        for (long index = 0; ; index++)
        {
            var (png, text, clicked) = Scene(country, seed, index);
            var image = PlateImage.Decode(png);
            try
            {
                PlateCorners.Validate(clicked, image.Width, image.Height);
                return (image, text, clicked);
            }
            catch (CornerException)
            {
            }
        }
    }
}
