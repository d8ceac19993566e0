using System.Security.Cryptography;
using DeepPlate.Inference.Report;
using static DeepPlate.Inference.Tests.Report.ReportPdf;

namespace DeepPlate.Inference.Tests.Report;

/// <summary>The PDF report read back: results never on page 1, always from page 2, provenance that matches the inputs.</summary>
public sealed class PlateReportTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(1));

    // Lower-case words and punctuation only: nothing a plate candidate (capitals and digits) can be equal to.
    private const string ExaminerReading = "first letters look like m a, the rest unreadable";

    private static readonly Lazy<(byte[] Png, System.Numerics.Vector2[] Corners)> OneScene = new(() => Scene(11));

    private static readonly Lazy<(byte[] Pdf, Inference.Reading Reading)> Full = new(() =>
        Render([OneScene.Value], new ReportDetails(["kamera 3 ausfahrt.png"], Created, "Fall Müller ÄÖÜ ß 2025/117", "Jürgen Weiß", ExaminerReading)));

    private static readonly Lazy<(byte[] Pdf, Inference.Reading Reading)> Bare = new(() =>
        Render([OneScene.Value], new ReportDetails(["frame.png"], Created)));

    /// <summary>Candidates that look like plates (a letter and a digit): no provenance word (a date, a size, a
    /// corner's number, a word of the warnings) can be one of them.</summary>
    private static List<string> PlateLike(Inference.Reading reading) =>
        [.. reading.Candidates.Select(c => c.Plate).Where(p => p.Any(char.IsLetter) && p.Any(char.IsDigit))];

    private static string WithoutTrainingSummary(string page1, Inference.Reading reading)
    {
        Assert.Contains(reading.Model.Training, page1);
        return page1.Replace(reading.Model.Training, "");
    }

    [Fact]
    public void ResultsStartOnPageTwoAndNoneIsOnPageOne()
    {
        var (pdf, reading) = Full.Value;
        var words = Words(pdf);
        var pages = Pages(pdf);
        Assert.True(pages.Count >= 2);
        var plates = PlateLike(reading);
        Assert.True(plates.Count >= 30, $"only {plates.Count} plate-like candidates to check");
        foreach (var plate in plates) Assert.DoesNotContain(plate, words[0]);
        // Every per-position entry and every candidate carries a percentage: page 1 has none but the model's own
        // training summary (its accuracy at validation).
        Assert.DoesNotContain("%", WithoutTrainingSummary(pages[0], reading));
        Assert.DoesNotContain("Characters by position", pages[0]);
        Assert.DoesNotContain("The 60 most likely plates", pages[0]);
        // Page 2 starts the results.
        Assert.StartsWith("Results", pages[1]);
        Assert.Contains("Characters by position", pages[1]);
        Assert.Contains("The 60 most likely plates", pages[1]);
        Assert.Contains(reading.Candidates[0].Plate, words[1]);
    }

    [Fact]
    public void EveryCandidateAndTheTopCharactersOfEveryPositionAppearFromPageTwoOn()
    {
        var (pdf, reading) = Full.Value;
        var words = Words(pdf);
        var results = new HashSet<string>(words.Skip(1).SelectMany(w => w));
        Assert.Equal(PlateReader.Candidates, reading.Candidates.Count);
        foreach (var c in reading.Candidates) Assert.Contains(c.Plate, results);
        var page2 = Pages(pdf)[1];
        Assert.Contains(ConfidenceText.Percent(reading.Candidates[0].Confidence), page2);
        // Each position's row: its number, then its best characters with their confidences.
        for (var s = 0; s < reading.Positions.Count; s++)
        {
            var best = reading.Positions[s][0];
            var shown = best.Char.Length == 0 ? ResultPages.NoCharacter : best.Char;
            Assert.Contains($"{s + 1} {shown} {ConfidenceText.Percent(best.Confidence)}", page2);
        }
        Assert.Contains($"{ResultPages.NoCharacter} = no character", page2);
    }

    [Fact]
    public void PageOneHoldsTheWarningsAndTheProvenanceMatchingTheInputs()
    {
        var (pdf, reading) = Full.Value;
        var page1 = Pages(pdf)[0];
        var squeezed = Drawn(pdf)[0];
        Assert.Contains("For investigation only, never evidence.", page1);
        Assert.Contains("A confidence is the network's certainty, not the probability of being right.", page1);
        Assert.Contains("form your own reading first", page1);
        Assert.Contains("kamera 3 ausfahrt.png", page1);
        // The hashes computed here from the bytes, not taken from the reading.
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(OneScene.Value.Png)), squeezed);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(ShippedModel))), squeezed);
        Assert.Contains(reading.ModelId, page1);
        var image = PlateImage.Decode(OneScene.Value.Png);
        Assert.Contains($"PNG, {image.Width} × {image.Height} px", page1);
        Assert.Contains("Germany (de)", page1);
        Assert.Contains("unknown (no format rule applied)", page1);
        Assert.Contains($"DeepPlate {SoftwareVersion.Current}", page1);
        Assert.Contains("2025-03-14 08:26:53 UTC", page1);
        Assert.Contains(Squeezed(ExaminerReading), squeezed);
        Assert.Contains("before the results were shown", page1);
        Assert.Equal(1, ImagesOn(pdf, 1));
    }

    [Fact]
    public void GermanTextExtractsAsWritten()
    {
        var page1 = Pages(Full.Value.Pdf)[0];
        Assert.Contains("Fall Müller ÄÖÜ ß 2025/117", page1);
        Assert.Contains("Jürgen Weiß", page1);
    }

    [Fact]
    public void CaseDetailsNotGivenAreNotPrinted()
    {
        var page1 = Pages(Bare.Value.Pdf)[0];
        Assert.Contains("frame.png", page1);
        Assert.DoesNotContain("Müller", page1);
        Assert.DoesNotContain("Jürgen", page1);
        Assert.DoesNotContain("unreadable", page1);
        Assert.Contains("none recorded before the results were shown", page1);
        Assert.DoesNotContain("recorded by the examiner", page1);
    }

    [Fact]
    public void ResultsThatDoNotFitRunOntoPageThree()
    {
        // One column of candidates: 60 rows and the position table do not fit on one A4 page.
        var (pdf, reading) = Render([OneScene.Value], new ReportDetails(["frame.png"], Created), ReportLayout.A4 with { CandidateColumns = 1 });
        var words = Words(pdf);
        Assert.True(words.Count >= 3, $"{words.Count} pages");
        Assert.Contains(reading.Candidates[0].Plate, words[1]);
        Assert.Contains(reading.Candidates[^1].Plate, words[2]);
        Assert.Contains("(continued)", Pages(pdf)[2]);
        foreach (var c in reading.Candidates) Assert.Contains(c.Plate, words.Skip(1).SelectMany(w => w));
        foreach (var plate in PlateLike(reading)) Assert.DoesNotContain(plate, words[0]);
    }

    [Fact]
    public void ManyFramesKeepPageOneToOnePageAndEveryFrameIsListed()
    {
        var scenes = new List<(byte[] Png, System.Numerics.Vector2[] Corners)>();
        var names = new List<string>();
        for (var i = 0; i < 14; i++)
        {
            scenes.Add(Scene(100 + (ulong)i));
            names.Add($"clip 7, frame {i + 1:00} of a very long recording name that has to be wrapped or cut.png");
        }
        var (pdf, reading) = Render(scenes, new ReportDetails(names, Created));
        var pages = Pages(pdf);
        Assert.DoesNotContain("%", WithoutTrainingSummary(pages[0], reading));
        Assert.StartsWith("Results", pages[1]);
        var all = string.Concat(Drawn(pdf));
        foreach (var (png, _) in scenes) Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(png)), all);
        Assert.Contains(reading.InputSha256, Drawn(pdf)[0]);
        for (var i = 0; i < 14; i++) Assert.Contains($"Frame {i + 1}:", string.Concat(pages));
    }

    [Fact]
    public void FramesThatAreNotTheOnesReadAreRefused()
    {
        var (_, reading) = Bare.Value;
        var other = PlateImage.Decode(Scene(12).Png);
        Assert.Throws<ArgumentException>(() => PlateReport.Render(reading, [new PlateFrame(other)], new ReportDetails(["x.png"], Created)));
        var right = new PlateFrame(PlateImage.Decode(OneScene.Value.Png));
        Assert.Throws<ArgumentException>(() => PlateReport.Render(reading, [right], new ReportDetails([], Created)));
        Assert.Throws<ArgumentException>(() => PlateReport.Render(reading, [right, right], new ReportDetails(["x.png", "y.png"], Created)));
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(PlateReport.Render(reading, [right], new ReportDetails(["x.png"], Created)), 0, 5));
    }
}
