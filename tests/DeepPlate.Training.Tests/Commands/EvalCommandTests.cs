using System.Text.Json;
using DeepPlate.Training.Commands;
using DeepPlate.Training.Tests.Evaluation;

namespace DeepPlate.Training.Tests.Commands;

/// <summary><c>deepplate eval</c> end to end on a tiny exported model: the files, consistent numbers, clear errors.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-eval-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static EvalCommand.Settings Small(string model, int samples = 2, string? output = null) =>
        new(model, samples, output, Threads: 2) { Grid = EvaluatorTests.Small };

    [Fact]
    public void Writes_json_markdown_confusion_and_heat_maps_with_consistent_numbers()
    {
        var model = Path.Combine(dir, "us.onnx");
        TinyModel.Export("us", model);
        var log = new StringWriter();
        var outcome = EvalCommand.Run(Small(model), log);

        var output = Path.Combine(dir, "us.eval");
        Assert.Equal(
            ["eval.json", "eval.md", "confusion.csv", "heatmap-char-top1.png", "heatmap-char-top3.png", "heatmap-exact.png", "heatmap-top60.png", "heatmap-ece.png"],
            outcome.Files.Select(Path.GetFileName));
        Assert.All(outcome.Files, f => Assert.Equal(output, Path.GetDirectoryName(f)));
        foreach (var png in outcome.Files.Where(f => f.EndsWith(".png")))
        {
            var bytes = File.ReadAllBytes(png);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.InRange(bytes.Length, 5_000, 200_000);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "eval.json")));
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("samplesPerCell").GetInt32());
        Assert.Equal("us", root.GetProperty("model").GetProperty("info").GetProperty("country").GetString());
        Assert.Equal(TinyModel.EceAfter, root.GetProperty("model").GetProperty("info").GetProperty("eceAfter").GetDouble());
        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(8, cells.Count);
        Assert.Contains(cells, c => c.GetProperty("snrDb").ValueKind == JsonValueKind.Null && c.GetProperty("jpegQuality").ValueKind == JsonValueKind.Null);
        foreach (var m in cells.Append(root.GetProperty("overall")))
        {
            var (top1, top3, exact, top60, ece) = (Get(m, "charTop1"), Get(m, "charTop3"), Get(m, "exact"), Get(m, "top60"), Get(m, "ece"));
            foreach (var v in new[] { top1, top3, exact, top60, ece }) Assert.InRange(v, 0, 1);
            Assert.True(top1 <= top3);
            Assert.True(exact <= top60);
        }
        var overall = outcome.Result.Overall;
        Assert.Equal(16, overall.Plates);
        Assert.Equal(overall.CharTop1, outcome.Confusion.TopKAccuracy[0], 12);
        Assert.Equal(overall.CharTop3, outcome.Confusion.TopKAccuracy[2], 12);
        Assert.Equal(overall.CharTop1, root.GetProperty("characters").GetProperty("topKAccuracy")[0].GetDouble(), 12);

        var md = File.ReadAllText(Path.Combine(output, "eval.md"));
        Assert.Contains("# Evaluation of us.onnx", md);
        Assert.Contains("| SNR | JPEG | 16 px | 60 px |", md);
        Assert.Contains("| no noise | no JPEG |", md);
        Assert.Contains("## Most confused characters", md);
        var csv = File.ReadAllLines(Path.Combine(output, "confusion.csv"));
        Assert.Equal(outcome.Result.Model.Alphabet.Length + 1, csv.Length);
        Assert.EndsWith(",none", csv[0]);
        Assert.Equal(overall.Characters, csv.Skip(1).Sum(l => l.Split(',').Skip(1).Sum(long.Parse)));

        var summary = log.ToString();
        Assert.Contains("ECE 0.1250 before, 0.0375 after", summary);
        Assert.Contains("eval.json", summary);
    }

    [Fact]
    public void The_grid_can_be_drawn_with_the_varied_look_and_says_so_but_the_accuracy_page_refuses_it()
    {
        var model = Path.Combine(dir, "fr.onnx");
        TinyModel.Export("fr", model);
        var plain = EvalCommand.Run(Small(model, output: Path.Combine(dir, "plain")), new StringWriter());
        var log = new StringWriter();
        var varied = EvalCommand.Run(Small(model, output: Path.Combine(dir, "varied")) with { Appearance = "default" }, log);

        Assert.Equal("plain", plain.Result.Appearance);
        Assert.Equal("default", varied.Result.Appearance);
        Assert.NotEqual(plain.Result.Predictions.Probabilities, varied.Result.Predictions.Probabilities);
        Assert.Contains("default appearance: not the standard grid", log.ToString());
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "varied", "eval.json"))))
            Assert.Equal("default", json.RootElement.GetProperty("appearance").GetString());
        Assert.Contains("not comparable with the standard grid", File.ReadAllText(Path.Combine(dir, "varied", "eval.md")));

        var page = Path.Combine(dir, "accuracy.md");
        File.WriteAllText(page, "# Accuracy\n");
        var e = Assert.Throws<ArgumentException>(() => DeepPlate.Training.Evaluation.AccuracyPage.Write([Path.Combine(dir, "varied")], page, Path.Combine(dir, "figures")));
        Assert.Contains("default appearance", e.Message);

        var error = new StringWriter();
        Assert.Equal(2, EvalCommand.Execute(Small(model) with { Appearance = Path.Combine(dir, "missing.jsonc") }, new StringWriter(), error));
        Assert.Contains("missing.jsonc", error.ToString());
    }

    [Fact]
    public void The_clean_target_is_read_on_many_plates_and_the_cells_against_the_ideal_observer()
    {
        var model = Path.Combine(dir, "nl.onnx");
        TinyModel.Export("nl", model);
        var ceilings = Path.Combine(dir, "ceiling");
        Directory.CreateDirectory(Path.Combine(ceilings, "nl"));
        DeepPlate.Training.Evaluation.Ceiling.CeilingRun.Run("nl", EvaluatorTests.Small, 2, threads: 2).WriteJson(Path.Combine(ceilings, "nl", "ceiling.json"));

        var outcome = EvalCommand.Run(Small(model) with { CleanSamples = 40, Ceilings = ceilings }, TextWriter.Null);
        Assert.Equal(40, outcome.Result.Clean!.Plates);
        Assert.Equal(8, outcome.Result.Ceiling!.Cells);

        var json = DeepPlate.Training.Evaluation.EvalJson.Read(Path.Combine(dir, "nl.eval", "eval.json"));
        Assert.Equal(40, json.Clean!.Plates);
        Assert.Equal(outcome.Result.Ceiling, json.Ceiling);
        var targets = json.Targets();
        Assert.Equal(["clean plates read exactly", "every cell at 90 % of the ideal observer", "calibration"], targets.Select(t => t.Target.Name));
        Assert.EndsWith("(40 plates)", targets[0].Shown);
        Assert.EndsWith($"({json.Ceiling!.Met} of 8 cells)", targets[1].Shown);
        Assert.Contains("(40 plates)", File.ReadAllText(Path.Combine(dir, "nl.eval", "eval.md")));

        // Without them, the clean target is the grid's cell (this grid has none) and the observer's is not measured.
        var plain = EvalCommand.Run(Small(model, output: Path.Combine(dir, "plain")), TextWriter.Null);
        Assert.Equal(["not measured", "not measured"], DeepPlate.Training.Evaluation.AccuracyTargets.Evaluate(plain.Result).Take(2).Select(t => t.Verdict));
        Assert.Contains("--ceilings", Error(Small(model) with { Ceilings = Path.Combine(dir, "nowhere") }));
    }

    [Fact]
    public void Bad_settings_are_usage_errors_with_exit_code_2()
    {
        var model = Path.Combine(dir, "nl.onnx");
        TinyModel.Export("nl", model);
        var notAModel = Path.Combine(dir, "notes.onnx");
        File.WriteAllText(notAModel, "not a model");

        Assert.Contains("not found", Error(Small(Path.Combine(dir, "missing.onnx"))));
        Assert.Contains("notes.onnx", Error(Small(notAModel)));
        Assert.Contains("--samples", Error(Small(model, samples: 0)));
        Assert.Contains("--threads", Error(Small(model) with { Threads = 0 }));
    }

    [Fact]
    public void The_command_line_reaches_the_same_run()
    {
        var model = Path.Combine(dir, "missing.onnx");
        var exit = EvalCommand.Create().Parse(["--model", model, "--samples", "3"]).Invoke();
        Assert.Equal(2, exit);
        Assert.Equal(Path.Combine(dir, "x.eval"), new EvalCommand.Settings(Path.Combine(dir, "x.onnx"), 1, null, 1).OutputDirectory);
    }

    private static string Error(EvalCommand.Settings settings)
    {
        var error = new StringWriter();
        Assert.Equal(2, EvalCommand.Execute(settings, TextWriter.Null, error));
        return error.ToString();
    }

    private static double Get(JsonElement e, string name) => e.GetProperty(name).GetDouble();
}
