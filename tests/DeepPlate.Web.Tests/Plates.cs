using System.Globalization;
using System.Numerics;
using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Synth;
using SkiaSharp;

namespace DeepPlate.Web.Tests;

/// <summary>Synthetic plate pictures (the generator's scenes as PNG files) and the corners a user would click.</summary>
public static class Plates
{
    private static readonly Lazy<PlateGenerator> Generator = new(() => new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default));
    private static readonly Lock Gate = new();

    /// <summary>A German plate scene (the shipped model reads Germany) whose clicked corners are valid.</summary>
    /// <param name="minLength">
    /// The fewest characters its text may have. Tests that search stores and logs for the candidates need long plates:
    /// a confident reading of a short plate ranks mostly short texts, too short to search for without chance matches.
    /// </param>
    public static (byte[] Png, Vector2[] Corners) Scene(long first = 0, string country = "de", int minLength = 0)
    {
        lock (Gate)
        {
            for (var index = first; ; index++)
            {
                using var plate = Generator.Value.Generate(country, null, 11, index, 0.3, d => d with { WidthPx = 120 });
                if (plate.Text.Compact.Length < minLength) continue;
                using var bitmap = GreyImageIO.ToBitmap(plate.Scene);
                using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                var png = data.ToArray();
                try
                {
                    PlateCorners.Validate(plate.Clicked, plate.Scene.Width, plate.Scene.Height);
                    return (png, plate.Clicked);
                }
                catch (CornerException)
                {
                }
            }
        }
    }

    public static string Text(Vector2[] corners) => string.Join(' ', corners.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.X},{c.Y}")));

    /// <summary>A multipart read form, consuming a use of <paramref name="licence"/> (the test reader's unless given;
    /// null: none named).</summary>
    public static MultipartFormDataContent Form(byte[] image, string? corners, string country, string? state = null, string? format = null, string fileName = "plate.png",
        string? licence = ReaderApp.ReaderLicence)
    {
        var form = new MultipartFormDataContent();
        var picture = new ByteArrayContent(image);
        picture.Headers.ContentType = new("image/png");
        form.Add(picture, "image", fileName);
        if (corners is not null) form.Add(new StringContent(corners), "corners");
        form.Add(new StringContent(country), "country");
        if (state is not null) form.Add(new StringContent(state), "state");
        if (format is not null) form.Add(new StringContent(format), "format");
        if (licence is not null) form.Add(new StringContent(licence), "licence");
        return form;
    }
}
