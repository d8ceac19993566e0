using System.Collections.Concurrent;
using DeepPlate.Formats;
using DeepPlate.Synth;
using SkiaSharp;

namespace DeepPlate.Web.Features.Templates;

/// <summary>
/// A small picture of each template, drawn by the synthetic plate generator (flat, clean, the template's example
/// text), for the upload page. Drawn on first request and kept in memory: they are the same for everyone and hold
/// nothing a user sent.
/// </summary>
public sealed class TemplatePictures(FormatRegistry formats, FontCatalog fonts) : IDisposable
{
    /// <summary>Width of a standard plate of the country in the picture, in pixels.</summary>
    public const int PlateWidthPx = 220;

    private readonly ConcurrentDictionary<string, byte[]> pictures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock drawing = new();
    // One generator: it is not thread-safe, and pictures are drawn once each.
    private readonly PlateGenerator generator = new(formats, fonts, DegradationSpec.Default);

    /// <summary>The PNG of a template (<c>siv</c>, or <c>ca/current</c> for the US), or null when there is none.</summary>
    public byte[]? Png(string countryCode, string templateId)
    {
        if (!formats.TryGetCountry(countryCode.ToLowerInvariant(), out var country)) return null;
        var template = SpecimenSheet.Templates(country).FirstOrDefault(t => t.QualifiedId.Equals(templateId, StringComparison.OrdinalIgnoreCase));
        if (template is null) return null;
        return pictures.GetOrAdd($"{country.Code}/{template.QualifiedId}", _ => Draw(country, template));
    }

    private byte[] Draw(CountryFormat country, PlateTemplate template)
    {
        lock (drawing)
        {
            var text = SpecimenSheet.ExampleText(formats, template);
            using var bitmap = generator.RenderFlat(text, template.Plate, PlateWidthPx / Math.Max(country.Plate.WidthMm, template.Plate.WidthMm));
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            return data.ToArray();
        }
    }

    public void Dispose() => generator.Dispose();
}
