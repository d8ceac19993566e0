using DeepPlate.Inference.Report;
using DeepPlate.Inference.Tests.Decoding;
using UglyToad.PdfPig;
using static DeepPlate.Inference.Tests.Report.ReportPdf;

namespace DeepPlate.Inference.Tests.Report;

/// <summary>
/// The notes of valid plates that a notIssued rule marks, in the report. The shipped model's reading of a synthetic
/// scene gets the valid plates of a hand-made reading instead: HH HJ 1 at 0.6, whose letters HJ some German states
/// do not issue, against HH HK 1 at 0.4; the model itself would rarely list such a plate.
/// </summary>
public sealed class ValidNotesReportTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private static readonly Lazy<(byte[] Pdf, Inference.Reading Reading)> Marked = new(() =>
        Render([Scene(11)], new ReportDetails(["frame.png"], Created),
            adjust: r => r with { Valid = HandMadeReadings.Valid("de", "HHHJ1", 3, 'K', 0.4f) }));

    [Fact]
    public void A_marked_plate_has_a_star_by_its_rank_and_its_note_under_the_table()
    {
        var (pdf, reading) = Marked.Value;
        Assert.Equal(["HH HK 1", "HH HJ 1"], reading.Valid.Plates.Select(p => p.Plate));
        var marked = reading.Valid.Plates[1];
        var note = ValidNoteText.For(marked);
        Assert.NotNull(note);
        Assert.Contains("not issued in Bavaria", note);
        Assert.Contains("Ranked by its confidence × 0.3", note);

        var drawn = Drawn(pdf);
        var expected = Squeezed($"HH HJ 1 (rank 2): {note}");
        var at = drawn.FindIndex(p => p.Contains(expected, StringComparison.Ordinal));
        Assert.True(at >= 1, "the note is on no page of the results");
        // Under its table: the table's last row comes before it.
        Assert.True(drawn.FindIndex(p => p.Contains(Squeezed("2* HH HJ 1"), StringComparison.Ordinal)) <= at);
        Assert.DoesNotContain("Bavaria", Pages(pdf)[0]);
        // Only the marked plate is starred, and only it is named in a note.
        var results = string.Join(' ', Pages(pdf).Skip(1));
        Assert.DoesNotContain("1* HH HK 1", results);
        Assert.DoesNotContain("HH HK 1 (rank", results);
    }

    [Fact]
    public void The_note_is_wrapped_within_the_page()
    {
        using var document = PdfDocument.Open(Marked.Value.Pdf);
        var layout = ReportLayout.A4;
        var noted = 0;
        foreach (var page in document.GetPages().Skip(1))
        {
            var words = page.GetWords().ToList();
            // The note's first and last words: one line cannot hold it on A4.
            var first = words.FindIndex(w => w.Text == "(rank");
            var last = words.FindIndex(w => w.Text == "0.3.");
            if (first < 0 || last < 0) continue;
            noted++;
            Assert.True(words[first].BoundingBox.Bottom > words[last].BoundingBox.Bottom + 1, "the note is on one line");
            foreach (var letter in page.Letters)
            {
                Assert.InRange(letter.BoundingBox.Left, layout.Margin - 1, layout.PageWidth - layout.Margin + 1);
                Assert.InRange(letter.BoundingBox.Right, layout.Margin - 1, layout.PageWidth - layout.Margin + 1);
            }
        }
        Assert.Equal(1, noted);
    }
}
