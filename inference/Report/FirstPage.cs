using System.Globalization;
using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Inference.Report;

/// <summary>
/// Page 1: what the report is and is not, the case, the input and how it was read. Never a result: an examiner
/// who reads page 1 must not have seen any character or plate the network proposes, so page 1 holds provenance
/// only and always stays one page. User text is capped (case reference 2 lines, examiner 1, examiner's reading 3,
/// a file name 2, each cut with an ellipsis), the fixed sections are measured first, and the thumbnails share
/// what room is left: one beside its text, or a grid of up to 4 columns; frames that still do not fit are listed
/// at the end of the report (<see cref="PlateReport"/>).
/// </summary>
internal static class FirstPage
{
    public const string Title = "DeepPlate plate reading report";

    /// <summary>The warnings, in plain words, each a heading and its explanation.</summary>
    public static readonly (string Heading, string Text)[] Warnings =
    [
        ("For investigation only, never evidence.",
            "This is a second opinion from a neural network trained on synthetic plates. It is not an enhanced image and it does not prove what the plate says."),
        ("A confidence is the network's certainty, not the probability of being right.",
            "A high confidence does not make a plate right: the true plate may have a low confidence, or be missing from the lists."),
        ("Seeing the result can bias you: form your own reading first.",
            "Write down what you read in the picture before you turn to page 2. That is why this page shows no result."),
    ];

    private const float LabelWidth = 132;
    private const float Gap = 10;
    private const int MaxGridColumns = 4;

    /// <summary>Writes page 1 and returns how many frames it showed (the rest go to the end of the report).</summary>
    public static int Write(PageWriter w, Reading reading, IReadOnlyList<PlateFrame> frames, ReportDetails details)
    {
        var layout = w.Layout;
        var fonts = w.Fonts;
        w.Paragraph(Title, fonts.Bold, layout.TitleSize);
        w.Paragraph("The results (characters by position, the 60 most likely plates) start on page 2.", fonts.Regular, layout.TextSize, SKColors.DimGray);
        w.Y += layout.TextSize;
        WarningBox(w);
        w.Y += layout.TextSize;

        Heading(w, "Case");
        Field(w, "Case reference", details.CaseReference ?? "(not given)", fonts.Regular, 2);
        Field(w, "Examiner", details.Examiner ?? "(not given)", fonts.Regular, 1);
        if (details.ExaminerReading is { } own)
        {
            Field(w, "Examiner's reading", own, fonts.Mono, 3);
            Field(w, "", "recorded by the examiner before the results were shown", fonts.Regular, 1, SKColors.DimGray);
        }
        else
        {
            Field(w, "Examiner's reading", "none recorded before the results were shown", fonts.Regular, 1, SKColors.DimGray);
        }

        // The sections after the input have a fixed size: measure them, and give the thumbnails what is left.
        var measuring = PageWriter.Measuring(layout, fonts);
        Settings(measuring, reading, details);
        var tail = measuring.Y - layout.Top;

        w.Y += layout.TextSize * 0.5f;
        Heading(w, "Input");
        if (reading.Frames.Count > 1)
        {
            Field(w, "Input SHA-256", reading.InputSha256, fonts.Mono, 2);
            Field(w, "", "the SHA-256 of the frames' SHA-256 hashes below, in order, one per line", fonts.Regular, 1, SKColors.DimGray);
        }
        var shown = FrameGrid.Write(w, reading, frames, details, w.Remaining - tail);
        if (shown < reading.Frames.Count)
        {
            w.Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Frames {shown + 1} to {reading.Frames.Count} did not fit on this page; they are listed at the end of the report."),
                fonts.Regular, layout.SmallSize, SKColors.DimGray, maxLines: 1);
        }
        Settings(w, reading, details);
        if (w.Y > layout.Bottom + 0.5f)
        {
            // The caps above make this unreachable on A4; a layout that breaks it is a bug, not something to print.
            throw new InvalidOperationException($"page 1 of the report overflows its page by {w.Y - layout.Bottom:0.#} pt");
        }
        return shown;
    }

    private static void WarningBox(PageWriter w)
    {
        var layout = w.Layout;
        const float pad = 8;
        var width = w.Width - 2 * pad;
        using var bold = PageWriter.Font(w.Fonts.Bold, layout.TextSize);
        using var regular = PageWriter.Font(w.Fonts.Regular, layout.TextSize);
        var lines = new List<(string Text, SKFont Font)>();
        foreach (var (heading, text) in Warnings)
        {
            foreach (var line in TextWrapper.Wrap(heading, width, s => bold.MeasureText(s))) lines.Add((line, bold));
            foreach (var line in TextWrapper.Wrap(text, width, s => regular.MeasureText(s))) lines.Add((line, regular));
        }
        var leading = ReportLayout.Leading(layout.TextSize);
        var height = lines.Count * leading + (Warnings.Length - 1) * leading * 0.4f + 2 * pad;
        if (w.Canvas is { } canvas)
        {
            var box = SKRect.Create(w.Left, w.Y, w.Width, height);
            using var fill = new SKPaint { Color = new SKColor(255, 243, 224), Style = SKPaintStyle.Fill };
            using var border = new SKPaint { Color = new SKColor(200, 90, 0), Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f };
            canvas.DrawRect(box, fill);
            canvas.DrawRect(box, border);
        }
        var top = w.Y;
        w.Y += pad;
        for (var i = 0; i < lines.Count; i++)
        {
            // A small gap before each warning's heading but the first.
            if (i > 0 && lines[i].Font == bold && lines[i - 1].Font != bold) w.Y += leading * 0.4f;
            w.Line(lines[i].Text, lines[i].Font, SKColors.Black, w.Left + pad);
        }
        w.Y = top + height;
    }

    /// <summary>Country, state and format; the model; the software and the date: fixed-size text.</summary>
    private static void Settings(PageWriter w, Reading reading, ReportDetails details)
    {
        var inv = CultureInfo.InvariantCulture;
        var fonts = w.Fonts;
        var country = FormatRegistry.Default.TryGetCountry(reading.Country, out var c) ? c : null;
        w.Y += w.Layout.TextSize * 0.5f;
        Heading(w, "Reading");
        Field(w, "Country", country is null ? reading.Country : $"{country.Name} ({reading.Country})", fonts.Regular, 1);
        if (country?.HasStates == true || reading.State is not null)
        {
            var state = reading.State is null ? "unknown" : country is null ? reading.State : $"{country.State(reading.State).Name} ({reading.State})";
            Field(w, "State", state, fonts.Regular, 1);
        }
        Field(w, "Format", reading.Format ?? "unknown (no format rule applied)", fonts.Regular, 1);

        w.Y += w.Layout.TextSize * 0.5f;
        Heading(w, "Model");
        Field(w, "Model", reading.ModelId, fonts.Mono, 1);
        Field(w, "Model SHA-256", reading.ModelSha256, fonts.Mono, 2);
        var m = reading.Model;
        Field(w, "Model version", string.Create(inv,
            $"trained: {m.Training}; calibration temperature {m.Temperature:0.###} (expected calibration error {m.EceBefore:0.###} before, {m.EceAfter:0.###} after); {m.Slots} positions"),
            fonts.Regular, 4);
        Field(w, "Format files SHA-256", m.FormatsSha256, fonts.Mono, 2);

        w.Y += w.Layout.TextSize * 0.5f;
        Heading(w, "Report");
        Field(w, "Software", $"DeepPlate {SoftwareVersion.Current}", fonts.Regular, 1);
        Field(w, "Created", details.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", inv) + " UTC", fonts.Regular, 1);
    }

    public static void Heading(PageWriter w, string text)
    {
        w.Paragraph(text, w.Fonts.Bold, w.Layout.HeadingSize, maxLines: 1);
        w.Y += w.Layout.TextSize * 0.2f;
    }

    /// <summary>A label and its value, the value wrapped beside the label (at most <paramref name="maxLines"/> lines).</summary>
    public static void Field(PageWriter w, string label, string value, SKTypeface typeface, int maxLines, SKColor? colour = null)
    {
        var size = w.Layout.TextSize;
        if (label.Length > 0) w.TextAt(label, w.Fonts.Bold, size, w.Left, w.Y, SKColors.DimGray);
        w.Paragraph(value, typeface, size, colour, indent: LabelWidth, maxLines: maxLines);
    }
}
