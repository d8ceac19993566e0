using System.Globalization;
using SkiaSharp;

namespace DeepPlate.Inference.Report;

/// <summary>
/// The PDF report of a reading, the same for the command line (<c>deepplate read --pdf</c>) and the web reader.
/// Page 1 holds the warnings and the provenance (case, input with thumbnails and hashes, country, format, model,
/// software, date) and never a result; the results always start on page 2, however short page 1 is, and run onto
/// page 3 and beyond when they need to. A4, DejaVu Sans (<see cref="ReportFonts"/>), SkiaSharp's PDF backend.
/// </summary>
public static class PlateReport
{
    /// <summary>Skia's PDF encoding quality meaning "no JPEG": pictures are embedded as Flate-compressed samples.</summary>
    internal const int LosslessQuality = 101;

    /// <summary>Writes the whole PDF.</summary>
    /// <param name="frames">The frames that were read, in order (their pictures make the thumbnails; the corners
    /// drawn are <c>reading.Frames[i].Corners</c>, those actually used).</param>
    /// <exception cref="ArgumentException">The frames or file names do not match the reading's frames.</exception>
    /// <exception cref="FileNotFoundException">The report's font is not installed.</exception>
    public static void Write(Stream output, Reading reading, IReadOnlyList<PlateFrame> frames, ReportDetails details) =>
        Write(output, reading, frames, details, ReportLayout.A4);

    /// <summary>The whole PDF as bytes.</summary>
    public static byte[] Render(Reading reading, IReadOnlyList<PlateFrame> frames, ReportDetails details)
    {
        using var output = new MemoryStream();
        Write(output, reading, frames, details);
        return output.ToArray();
    }

    internal static void Write(Stream output, Reading reading, IReadOnlyList<PlateFrame> frames, ReportDetails details, ReportLayout layout)
    {
        Check(reading, frames, details);
        using var fonts = ReportFonts.Load();
        var created = details.CreatedUtc.ToUniversalTime();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = FirstPage.Title,
            Subject = details.CaseReference ?? "",
            Author = details.Examiner ?? "",
            Creator = $"DeepPlate {SoftwareVersion.Current}",
            Producer = $"DeepPlate {SoftwareVersion.Current}",
            // The report's own date, not the clock's: the same reading and details give the same file.
            Creation = created.UtcDateTime,
            Modified = created.UtcDateTime,
            // An object initializer leaves these at 0, which Skia takes literally: JPEG at quality 0 for every
            // picture (blocky mush where an examiner compares pixels). 101 is Skia's "lossless" (Flate); 72 dpi is
            // its default for the rare content it must rasterise (nothing in this report is).
            EncodingQuality = LosslessQuality,
            RasterDpi = SKDocument.DefaultRasterDpi,
        };
        using var managed = new SKManagedWStream(output);
        using var document = SKDocument.CreatePdf(managed, metadata) ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document");
        var stamp = created.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var reference = details.CaseReference is { Length: > 0 } c ? $"{c} · " : "";
        var writer = new PageWriter(document, layout, fonts, page => page == 1
            ? $"{reference}DeepPlate report, {stamp} · page 1 · the results start on page 2"
            : string.Create(CultureInfo.InvariantCulture, $"{reference}DeepPlate report, {stamp} · page {page} · for investigation only, never evidence"));

        writer.BeginPage();
        var shown = FirstPage.Write(writer, reading, frames, details);
        // Unconditionally: the results start on a page of their own, whatever room page 1 has left.
        writer.BeginPage();
        ResultPages.Write(writer, reading);
        if (shown < reading.Frames.Count)
        {
            writer.Y += layout.TextSize;
            FirstPage.Heading(writer, "Input (continued from page 1)");
            FrameGrid.WriteRest(writer, reading, frames, details, shown);
        }
        writer.EndPage();
        document.Close();
    }

    private static void Check(Reading reading, IReadOnlyList<PlateFrame> frames, ReportDetails details)
    {
        if (frames.Count != reading.Frames.Count)
        {
            throw new ArgumentException($"the report has {frames.Count} frames for a reading of {reading.Frames.Count}", nameof(frames));
        }
        if (details.FileNames.Count != reading.Frames.Count)
        {
            throw new ArgumentException($"the report has {details.FileNames.Count} file names for {reading.Frames.Count} frames", nameof(details));
        }
        for (var i = 0; i < frames.Count; i++)
        {
            // The thumbnail must show the picture whose hash is printed.
            if (frames[i].Image.Sha256 != reading.Frames[i].Sha256)
            {
                throw new ArgumentException($"frame {i + 1}'s picture is not the one that was read (SHA-256 differs)", nameof(frames));
            }
        }
    }
}
