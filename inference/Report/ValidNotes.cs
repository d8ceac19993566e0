using SkiaSharp;

namespace DeepPlate.Inference.Report;

/// <summary>
/// Under the valid plates' table: why a plate marked <see cref="Marker"/> is listed lower than its confidence alone
/// would place it (<see cref="ValidNoteText"/>). One entry per distinct text, naming its plates, so that sixty plates
/// of one specimen series take a few lines rather than sixty entries. An entry that does not fit the rest of the page
/// goes to the next, under the table's heading.
/// </summary>
internal static class ValidNotes
{
    /// <summary>Beside the rank of a plate that has a note.</summary>
    public const string Marker = "*";

    public static void Write(PageWriter w, string title, IReadOnlyList<ValidPlate> plates)
    {
        var entries = new List<(string Text, List<string> Plates)>();
        for (var i = 0; i < plates.Count; i++)
        {
            if (ValidNoteText.For(plates[i]) is not { } text) continue;
            var plate = $"{plates[i].Plate} (rank {i + 1})";
            var at = entries.FindIndex(e => e.Text == text);
            if (at < 0) entries.Add((text, [plate]));
            else entries[at].Plates.Add(plate);
        }
        if (entries.Count == 0) return;

        var size = w.Layout.TextSize;
        using var font = PageWriter.Font(w.Fonts.Regular, size);
        var leading = ReportLayout.Leading(size);
        w.Y += w.Layout.SmallSize * 0.5f;
        foreach (var (text, named) in entries)
        {
            var lines = TextWrapper.Wrap($"{string.Join(", ", named)}: {text}", w.Width - Indent, s => font.MeasureText(s));
            // An entry is kept on one page (the plates and their reason together) unless it is longer than a page
            // (less the continued heading's room, counted generously as two lines).
            var height = lines.Count * leading;
            if (w.Remaining < height && height <= w.Layout.Bottom - w.Layout.Top - 2 * leading) NextPage(w, title);
            foreach (var line in lines)
            {
                if (w.Remaining < leading) NextPage(w, title);
                w.Line(line, font, SKColors.Black, w.Left + Indent);
            }
        }
    }

    /// <summary>Said above the table when a plate is marked: what the marker means.</summary>
    public const string Explanation = $" {Marker} = a combination that a format rule marks as rarer (not issued everywhere, a specimen " +
        "plate): still valid, its confidence the model's, but listed by its confidence times the rule's factor; the notes follow the table.";

    private const float Indent = 10;

    private static void NextPage(PageWriter w, string title)
    {
        w.BeginPage();
        FirstPage.Heading(w, title + " (continued)");
    }
}
