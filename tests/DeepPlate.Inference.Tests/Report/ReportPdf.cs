using System.Numerics;
using DeepPlate.Formats;
using DeepPlate.Inference.Report;
using DeepPlate.Inference.Tests.Reading;
using UglyToad.PdfPig;

namespace DeepPlate.Inference.Tests.Report;

/// <summary>
/// Reports of real readings (the shipped German model on synthetic scenes written as PNG files), read back with
/// PdfPig as a reader of the file would see them: one string of words per page.
/// </summary>
internal static class ReportPdf
{
    private static readonly Lazy<PlateReader> SharedReader = new(() =>
        new PlateReader(ModelCatalog.Load(ModelCatalog.DefaultDirectory, FormatRegistry.Default, threads: 1), FormatRegistry.Default));

    /// <summary>The shipped models beside the test binaries (the build copies inference/models/ there).</summary>
    public static PlateReader Reader => SharedReader.Value;

    public static string ShippedModel => Path.Combine(ModelCatalog.DefaultDirectory, "de.onnx");

    /// <summary>A German scene as PNG bytes with the corners clicked in it (inside the picture).</summary>
    public static (byte[] Png, Vector2[] Corners) Scene(ulong seed)
    {
        for (long index = 0; ; index++)
        {
            var (png, _, clicked) = SyntheticFrames.Scene("de", seed, index);
            var image = PlateImage.Decode(png);
            try
            {
                PlateCorners.Validate(clicked, image.Width, image.Height);
                return (png, clicked);
            }
            catch (CornerException)
            {
            }
        }
    }

    /// <summary>Reads the scenes as frames of one plate and renders the report.</summary>
    /// <param name="adjust">Changes the reading before it is rendered (results the shipped model would not give).</param>
    public static (byte[] Pdf, Inference.Reading Reading) Render(IReadOnlyList<(byte[] Png, Vector2[] Corners)> scenes, ReportDetails details, ReportLayout? layout = null,
        Func<Inference.Reading, Inference.Reading>? adjust = null)
    {
        var frames = new PlateFrame[scenes.Count];
        for (var i = 0; i < frames.Length; i++) frames[i] = new PlateFrame(PlateImage.Decode(scenes[i].Png), scenes[i].Corners);
        var reading = Reader.Read(new ReadRequest(frames, "de"));
        if (adjust is not null) reading = adjust(reading);
        using var output = new MemoryStream();
        PlateReport.Write(output, reading, frames, details, layout ?? ReportLayout.A4);
        return (output.ToArray(), reading);
    }

    /// <summary>Each page's words, in the order PdfPig finds them, joined by single spaces.</summary>
    public static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<string>();
        foreach (var page in document.GetPages()) pages.Add(string.Join(' ', page.GetWords().Select(w => w.Text)));
        return pages;
    }

    /// <summary>Each page's words as a set: a plate is one word, so "is this plate printed here" is a lookup.</summary>
    public static List<HashSet<string>> Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<HashSet<string>>();
        foreach (var page in document.GetPages()) pages.Add([.. page.GetWords().Select(w => w.Text)]);
        return pages;
    }

    /// <summary>Text without any whitespace: a hash or name the layout wrapped is still found whole.</summary>
    public static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Each page's characters in the order they were drawn, whitespace left out: a hash wrapped over
    /// three lines of a grid cell is whole here, where word order would interleave the cells of one row.</summary>
    public static List<string> Drawn(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<string>();
        foreach (var page in document.GetPages()) pages.Add(Squeezed(string.Concat(page.Letters.Select(l => l.Value))));
        return pages;
    }

    public static int ImagesOn(byte[] pdf, int page)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPage(page).GetImages().Count();
    }
}
