using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Synth;
using DeepPlate.Training.Commands;
using DeepPlate.Training.Evaluation.Real;
using DeepPlate.Training.Tests.Evaluation.Real;
using SkiaSharp;

namespace DeepPlate.Training.Tests.Commands;

/// <summary>
/// <c>deepplate eval --real</c> end to end on a small manifest of synthetic plates saved as JPEG photos, read by the
/// shipped models: the files, the scores, unreadable lines named, and the same bytes whatever the thread count.
/// </summary>
public sealed class RealEvalCommandTests : IDisposable
{
    private const int Plates = 10;
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-real-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>Clean Spanish plates 150 px wide as JPEG photos, the manifest naming them, a missing photo and a bad line.</summary>
    private string Manifest()
    {
        Directory.CreateDirectory(Path.Combine(dir, "images"));
        var lines = new List<string> { "#image\tcountry\tstate\tcorners\ttext\tsource\tnote" };
        using var generator = new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default);
        for (var i = 0; i < Plates; i++)
        {
            using var plate = generator.Generate("es", null, 99, i, fix: _ => Degradations.Clean(150) with { YawDeg = 10 });
            using var bitmap = GreyImageIO.ToBitmap(plate.Scene);
            using var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
            File.WriteAllBytes(Path.Combine(dir, "images", $"{i}.jpg"), jpeg.ToArray());
            // Every third plate as a crop whose label hides two characters, the way one public set blacks them out.
            var text = i % 3 == 0 ? "??" + plate.Text.Compact[2..] : plate.Text.Compact;
            lines.Add($"images/{i}.jpg\tes\t\t{PlateCorners.Format(plate.Corners)}\t{text}\t{(i < 5 ? "first" : "second")}\tsynthetic");
        }
        lines.Add("images/missing.jpg\tes\t\t\t1234BCD\tfirst\t");
        lines.Add("images/0.jpg\tzz\t\t\t1234BCD\tfirst\t");
        var path = Path.Combine(dir, "manifest.tsv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static RealEvalCommand.Settings Settings(string manifest, string output, int threads, bool galleries = true) =>
        new(manifest, null, null, "30:30", output, threads, null, galleries);

    [Fact]
    public void Reads_scores_and_writes_tables_json_and_galleries()
    {
        var manifest = Manifest();
        var output = Path.Combine(dir, "out");
        var log = new StringWriter();
        var outcome = RealEvalCommand.Run(Settings(manifest, output, threads: 2), log);

        Assert.Equal(["real.json", "real.md", "gallery-first.png", "gallery-second.png", "synthetic-es.png"], outcome.Files.Select(Path.GetFileName));
        foreach (var png in outcome.Files.Where(f => f.EndsWith(".png")))
        {
            using var sheet = SKBitmap.Decode(png);
            Assert.Equal(4 * (128 * 3 + 16), sheet.Width);
        }
        var d = outcome.Document;
        Assert.Equal(["clean", "30 px, JPEG 30"], d.Conditions);
        // The missing photo is named, and counted in no rate; the bad line is named too.
        Assert.Contains(d.Problems, p => p.Contains("line 13: unknown country 'zz'"));
        Assert.Contains(d.Problems, p => p.StartsWith("images/missing.jpg: ") && p.Contains("cannot read"));
        var clean = d.Groups.Single(g => g.Source == "all" && g.Condition == "clean");
        Assert.Equal((Plates + 1, 1), (clean.Photos, clean.Errors));
        // Sharp synthetic plates are what the shipped model was trained on: it must read nearly all of them.
        Assert.InRange(clean.CharAccuracy, 0.85, 1);
        Assert.True(clean.Exact <= clean.Top60 && clean.CharAccuracy >= clean.Exact);
        var degraded = d.Groups.Single(g => g.Source == "all" && g.Condition == "30 px, JPEG 30");
        Assert.True(degraded.CharAccuracy < clean.CharAccuracy + 1e-9);
        Assert.Equal(2 * (Plates + 1), d.Photos.Count);
        foreach (var p in d.Photos.Where(p => p.Error is null))
        {
            Assert.Equal(RealScoring.CharacterAccuracy(p.Truth, p.Read), p.CharAccuracy, 6);
            Assert.Equal(RealScoring.Matches(p.Truth, p.Read), p.Exact);
        }

        var md = File.ReadAllText(Path.Combine(output, "real.md"));
        Assert.Contains("## Clean", md);
        Assert.Contains("| first | es | 5 (+1 unread) |", md);
        Assert.Contains("The models never saw these photos", md);
        Assert.Contains("clean", log.ToString());
    }

    [Fact]
    public void The_same_files_whatever_the_thread_count()
    {
        var manifest = Manifest();
        RealEvalCommand.Run(Settings(manifest, Path.Combine(dir, "one"), threads: 1, galleries: false), TextWriter.Null);
        RealEvalCommand.Run(Settings(manifest, Path.Combine(dir, "two"), threads: 2, galleries: false), TextWriter.Null);
        foreach (var file in new[] { "real.json", "real.md" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "one", file)), File.ReadAllBytes(Path.Combine(dir, "two", file)));
        }
    }

    [Fact]
    public void Writes_its_section_into_the_accuracy_page_and_keeps_the_rest()
    {
        var manifest = Manifest();
        var page = Path.Combine(dir, "accuracy.md");
        File.WriteAllText(page, "# Accuracy\n\nprose before\n\n" + DeepPlate.Training.Evaluation.AccuracyPage.Begin + "\nsynthetic\n" + DeepPlate.Training.Evaluation.AccuracyPage.End + "\n");
        var settings = Settings(manifest, Path.Combine(dir, "out"), 2, galleries: false) with { Page = page };
        RealEvalCommand.Run(settings, TextWriter.Null);
        RealEvalCommand.Run(settings, TextWriter.Null);
        var text = File.ReadAllText(page);
        Assert.StartsWith("# Accuracy\n\nprose before\n\n" + RealReport.PageBegin, text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "## Real photographs"));
        Assert.True(text.IndexOf(RealReport.PageEnd, StringComparison.Ordinal) < text.IndexOf(DeepPlate.Training.Evaluation.AccuracyPage.Begin, StringComparison.Ordinal));
        Assert.Contains("synthetic\n" + DeepPlate.Training.Evaluation.AccuracyPage.End, text);
    }

    [Fact]
    public void Bad_settings_are_errors_with_exit_code_2()
    {
        var error = new StringWriter();
        Assert.Equal(2, EvalCommand.ExecuteReal(Settings(Path.Combine(dir, "none.tsv"), dir, 1), TextWriter.Null, error));
        Assert.Contains("manifest not found", error.ToString());
        var manifest = Manifest();
        error = new StringWriter();
        Assert.Equal(2, EvalCommand.ExecuteReal(Settings(manifest, dir, 1) with { Degrade = "30" }, TextWriter.Null, error));
        Assert.Contains("WIDTH:QUALITY", error.ToString());
        error = new StringWriter();
        Assert.Equal(2, EvalCommand.ExecuteReal(Settings(manifest, dir, 1) with { Model = Path.Combine(dir, "none.onnx") }, TextWriter.Null, error));
        Assert.Contains("model file not found", error.ToString());
    }

    [RealDevFact]
    public void Reads_every_photo_of_the_development_set()
    {
        var outcome = RealEvalCommand.Run(new RealEvalCommand.Settings(RealDev.Manifest!, null, null, "", Path.Combine(dir, "realdev"), 2, null, Galleries: false), TextWriter.Null);
        Assert.Empty(outcome.Document.Problems);
        Assert.Equal(937, outcome.Document.Photos.Count);
        Assert.Equal(["frlp", "lpr_dataset_se", "mixed_416", "oa_segocr_us", "uc3m_crop"],
            outcome.Document.Groups.Select(g => g.Source).Where(s => s != "all").Distinct().Order(StringComparer.Ordinal));
    }
}
