using System.Globalization;
using SkiaSharp;

namespace DeepPlate.Inference.Report;

/// <summary>
/// Pages 2 onwards: the characters by position (the top <see cref="ShownPerPosition"/> of each), the
/// <see cref="PlateReader.Candidates"/> most likely plates, and the most likely plates valid for the formats, with
/// the notes of those a format rule marks as rarer under their table (<see cref="ValidNotes"/>). Tables run onto the
/// next page when the page is full, their heading repeated with "(continued)".
/// </summary>
internal static class ResultPages
{
    /// <summary>Characters shown per position (the JSON has them all).</summary>
    public const int ShownPerPosition = 5;

    /// <summary>What the tables show for "no character at this position".</summary>
    public const string NoCharacter = "·";

    private const float Gap = 14;

    // Where a plate table's columns start, in points from the table column's left.
    private const float PlateAt = 32;
    private const float ConfidenceAt = 112;
    private const float FormatAt = 184;

    public static void Write(PageWriter w, Reading reading)
    {
        var layout = w.Layout;
        var fonts = w.Fonts;
        var inv = CultureInfo.InvariantCulture;
        w.Paragraph("Results", fonts.Bold, layout.TitleSize * 0.8f);
        w.Paragraph("For investigation only, never evidence. Confidences are the network's certainty, not the probability of being right.",
            fonts.Regular, layout.SmallSize, SKColors.DimGray);
        w.Y += layout.TextSize * 0.5f;

        FirstPage.Heading(w, "Characters by position");
        w.Paragraph(string.Create(inv,
            $"The {ShownPerPosition} most likely characters at each position, left to right, with their confidences; {NoCharacter} = no character at this position (the plate is shorter). Each position's confidences add up to 100 % over all characters."),
            fonts.Regular, layout.SmallSize, SKColors.DimGray);
        w.Y += layout.SmallSize * 0.5f;
        var positions = reading.Positions;
        var rankWidth = (w.Width - 60) / ShownPerPosition;
        Table(w, "Characters by position", positions.Count, 1, header: (x, width) =>
        {
            Cell(w, "Position", fonts.Bold, x, SKColors.DimGray);
            for (var r = 0; r < ShownPerPosition; r++) Cell(w, Ordinal(r + 1), fonts.Bold, x + 60 + r * rankWidth, SKColors.DimGray);
        }, row: (i, x, width) =>
        {
            Cell(w, (i + 1).ToString(inv), fonts.Regular, x);
            var list = positions[i];
            for (var r = 0; r < ShownPerPosition && r < list.Count; r++)
            {
                var c = list[r];
                var cx = x + 60 + r * rankWidth;
                Cell(w, c.Char.Length == 0 ? NoCharacter : c.Char, fonts.Mono, cx);
                Cell(w, ConfidenceText.Percent(c.Confidence), fonts.Regular, cx + 16);
            }
        });
        w.Y += Gap;

        var title = reading.Format is null
            ? $"The {reading.Candidates.Count} most likely plates"
            : $"The {reading.Candidates.Count} most likely plates given format {reading.Format}";
        FirstPage.Heading(w, title);
        w.Paragraph("Ranked by the product of their characters' confidences (no character after the last one), whatever the formats allow. E+n / E-n: times 10 to the power n.",
            fonts.Regular, layout.SmallSize, SKColors.DimGray);
        w.Y += layout.SmallSize * 0.5f;
        PlateTable(w, title, reading.Candidates.Count, layout.CandidateColumns, i => (reading.Candidates[i].Plate, reading.Candidates[i].Confidence, null, false));

        if (reading.Valid.Plates.Count > 0) Valid(w, reading);
    }

    private static void Valid(PageWriter w, Reading reading)
    {
        var layout = w.Layout;
        var fonts = w.Fonts;
        var inv = CultureInfo.InvariantCulture;
        var valid = reading.Valid;
        w.Y += Gap;
        var title = "The most likely plates valid for the formats";
        FirstPage.Heading(w, title);
        w.Paragraph("The same confidences, restricted to texts that a format of the country" + (reading.State is null ? "" : " and state") + " allows, written as on the plate."
            + (valid.Complete ? "" : string.Create(inv, $" The search stopped after {ValidRanking.MaxExamined} texts, so the list is exact among those only."))
            + (valid.Plates.Any(p => p.Notes.Count > 0) ? ValidNotes.Explanation : ""),
            fonts.Regular, layout.SmallSize, SKColors.DimGray);
        // The formats by id, named once here rather than on every row, with their share of the valid plates' confidence.
        var named = new List<string>();
        foreach (var plate in valid.Plates)
        {
            if (named.Contains(plate.Template)) continue;
            named.Add(plate.Template);
            var share = "";
            foreach (var f in valid.Formats)
            {
                if (f.Template == plate.Template) share = ", " + ConfidenceText.Percent(f.Share) + " of the valid plates' confidence";
            }
            w.Paragraph($"{plate.Template} = {plate.TemplateName}{share}", fonts.Regular, layout.SmallSize, SKColors.DimGray, indent: 10, maxLines: 2);
        }
        if (valid.States.Count > 0)
        {
            var states = new List<string>();
            for (var i = 0; i < valid.States.Count && i < 10; i++) states.Add($"{valid.States[i].Name} ({valid.States[i].State}) {ConfidenceText.Percent(valid.States[i].Share)}");
            w.Paragraph("Likely states given the reading: " + string.Join(", ", states), fonts.Regular, layout.SmallSize, SKColors.DimGray, maxLines: 3);
        }
        w.Y += layout.SmallSize * 0.5f;
        PlateTable(w, title, valid.Plates.Count, layout.CandidateColumns,
            i => (valid.Plates[i].Plate, valid.Plates[i].Confidence, valid.Plates[i].Template, valid.Plates[i].Notes.Count > 0));
        ValidNotes.Write(w, title, valid.Plates);
    }

    /// <summary>Rank, plate, confidence (and the format's id) in <paramref name="columns"/> columns side by side; a
    /// noted plate's rank carries <see cref="ValidNotes.Marker"/>, its note under the table.</summary>
    private static void PlateTable(PageWriter w, string title, int count, int columns, Func<int, (string Plate, double Confidence, string? Format, bool Noted)> item)
    {
        var fonts = w.Fonts;
        Table(w, title, count, columns, header: (x, width) =>
        {
            Cell(w, "Rank", fonts.Bold, x, SKColors.DimGray);
            Cell(w, "Plate", fonts.Bold, x + PlateAt, SKColors.DimGray);
            Cell(w, "Confidence", fonts.Bold, x + ConfidenceAt, SKColors.DimGray);
            if (item(0).Format is not null) Cell(w, "Format", fonts.Bold, x + FormatAt, SKColors.DimGray);
        }, row: (i, x, width) =>
        {
            var (plate, confidence, format, noted) = item(i);
            Cell(w, (i + 1).ToString(CultureInfo.InvariantCulture) + (noted ? ValidNotes.Marker : ""), fonts.Regular, x);
            Cell(w, plate, fonts.Mono, x + PlateAt);
            Cell(w, ConfidenceText.Percent(confidence), fonts.Regular, x + ConfidenceAt);
            if (format is not null)
            {
                using var font = PageWriter.Font(fonts.Regular, w.Layout.TextSize);
                Cell(w, TextWrapper.Truncate(format, width - FormatAt, s => font.MeasureText(s)), fonts.Regular, x + FormatAt, SKColors.DimGray);
            }
        });
    }

    /// <summary>
    /// A table of <paramref name="count"/> rows, filled column by column, <paramref name="columns"/> side by side:
    /// as many rows as the page has room for, then the next page with the heading and header again. On the page
    /// where it ends the rows are shared evenly among the columns.
    /// </summary>
    private static void Table(PageWriter w, string title, int count, int columns, Action<float, float> header, Action<int, float, float> row)
    {
        var leading = ReportLayout.Leading(w.Layout.TextSize);
        var columnWidth = (w.Width - (columns - 1) * Gap) / columns;
        var next = 0;
        while (next < count)
        {
            var rows = (int)((w.Remaining - leading) / leading);
            if (rows < 1)
            {
                w.BeginPage();
                FirstPage.Heading(w, title + " (continued)");
                continue;
            }
            var remaining = count - next;
            var perColumn = Math.Min(rows, (remaining + columns - 1) / columns);
            var top = w.Y;
            for (var c = 0; c < columns && next < count; c++)
            {
                var x = w.Left + c * (columnWidth + Gap);
                w.Y = top;
                header(x, columnWidth);
                w.Y += leading;
                for (var r = 0; r < perColumn && next < count; r++, next++)
                {
                    row(next, x, columnWidth);
                    w.Y += leading;
                }
            }
            w.Y = top + (perColumn + 1) * leading;
            Rule(w, top + leading - 2);
        }
    }

    /// <summary>A thin line under a table's header.</summary>
    private static void Rule(PageWriter w, float y)
    {
        if (w.Canvas is null) return;
        using var paint = new SKPaint { Color = SKColors.LightGray, StrokeWidth = 0.5f };
        w.Canvas.DrawLine(w.Left, y, w.Left + w.Width, y, paint);
    }

    private static void Cell(PageWriter w, string text, SKTypeface typeface, float x, SKColor? colour = null) =>
        w.TextAt(text, typeface, w.Layout.TextSize, x, w.Y, colour ?? SKColors.Black);

    private static string Ordinal(int n) => n switch
    {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => n.ToString(CultureInfo.InvariantCulture) + "th",
    };
}
