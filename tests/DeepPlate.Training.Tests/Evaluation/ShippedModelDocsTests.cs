using DeepPlate.Training.Commands;
using DeepPlate.Training.Evaluation;

namespace DeepPlate.Training.Tests.Evaluation;

/// <summary>Model cards and the accuracy page are written from what a run and its evaluation recorded.</summary>
public sealed class ShippedModelDocsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-docs-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    // Holds the clean cell (100 px) and the hard one (20 px, 3 dB, Q 15) of the targets.
    private static readonly EvaluationGrid Grid = EvaluationGrid.Standard with { WidthsPx = [20, 100], SnrsDb = [3, null], JpegQualities = [null, 15] };

    private (RunFolder Run, string Model, string Eval) TinyRun(string country, string? folder = null, TrainOptions? recorded = null)
    {
        var run = new RunFolder(folder ?? Path.Combine(dir, country));
        var options = recorded ?? new TrainOptions { Country = country, Out = run.Path, Minutes = 3, InitFrom = "de.onnx" };
        run.SaveOptions(options);
        run.SaveState(new CheckpointState(10, 640, 180, 0.25, 0.05));
        run.SaveSpecs(DeepPlate.Synth.DegradationSpec.Default.File, "plain");
        var model = Path.Combine(dir, $"{country}.onnx");
        TinyModel.Export(country, model, run: run);
        var eval = Path.Combine(run.Path, "eval");
        EvalCommand.Run(new EvalCommand.Settings(model, 2, eval, 2) { Grid = Grid }, TextWriter.Null);
        return (run, model, eval);
    }

    [Fact]
    public void TheCardNamesTheHeadOfTheModel()
    {
        var (run, _, eval) = TinyRun("nl");
        var model = Path.Combine(dir, "nl-attention.onnx");
        TinyModel.Export("nl", model, run: run, head: HeadKind.Attention);
        Assert.StartsWith("# Model card: nl (Netherlands)\n\nA CNN with an attention head (", ModelCard.Write(model, run, eval));
    }

    [Fact]
    public void TheCardCitesTheFileTheCommandAndTheMeasuredTargets()
    {
        var (run, model, eval) = TinyRun("fr");
        var card = ModelCard.Write(model, run, eval);
        var json = EvalJson.Read(Path.Combine(eval, "eval.json"));

        Assert.StartsWith("# Model card: fr (France)\n\nA per-slot CNN (", card);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(model))), card);
        Assert.Contains("deepplate train --country fr --minutes 3 --init-from de.onnx\n", card);
        Assert.Contains("Samples seen: 640 in 3 minutes", card);
        // The tiny evaluation read no clean plates beyond the grid's and had no ceiling.
        Assert.Contains("deepplate eval --model fr.onnx --samples 2 --clean-samples 0\n", card);
        Assert.Contains("- Network: c4 p4x8, dropout 0; ", card);
        Assert.Contains($"- Data: format files SHA-256 `{DeepPlate.Formats.FormatRegistry.Default.Country("fr").Sha256}`; " +
            $"`degradations.jsonc` SHA-256 `{run.DegradationsSha256}` (camera) and `appearance.jsonc` SHA-256 `{run.AppearanceSha256}` (appearance)", card);
        var clean = json.Targets()[0];
        Assert.NotNull(clean.Value);
        Assert.Contains($"| clean plates read exactly (exact plate accuracy) | 100 px, no noise, no JPEG | ≥ 99.5 % | {clean.Shown} | {clean.Verdict} |", card);
        Assert.Contains("### Character top-1 accuracy (%)", card);
        Assert.Equal(1, card.Split("## Targets").Length - 1);
    }

    [Fact]
    public void TheCardOfOneCountryOfAJointRunGivesTheJointCommand()
    {
        var joint = new RunFolder(Path.Combine(dir, "joint"));
        joint.SaveOptions(new TrainOptions { Country = "fr,it", Out = joint.Path, Minutes = 6, Seed = 3 });
        var (lane, model, eval) = TinyRun("fr", Path.Combine(joint.Path, "fr"),
            new TrainOptions { Country = "fr", Joint = "fr,it", Out = Path.Combine(joint.Path, "fr"), Minutes = 6, Seed = 3 });
        var card = ModelCard.Write(model, lane, eval);
        Assert.Contains("deepplate train --country fr,it --minutes 6 --seed 3\n", card);
        Assert.Contains("- Joint run of fr,it: the countries took turns batch by batch and shared the convolutions", card);
        // Not an option: the country's folder records it, the command line never shows it.
        Assert.DoesNotContain("--joint", card);
    }

    [Fact]
    public void TheCardGivesTheDataHashesTheModelRecordsAndSaysWhenTheRunsCopyDiffers()
    {
        var (run, model, eval) = TinyRun("fr");
        var recorded = run.AppearanceSha256;
        File.WriteAllText(run.Appearance, "{}\n");
        var card = ModelCard.Write(model, run, eval);
        Assert.Contains($"`appearance.jsonc` SHA-256 `{recorded}` (the run folder's copy now has SHA-256 `{run.AppearanceSha256}`) (appearance)", card);

        // A model exported before the hashes were recorded shows the run's copies.
        TinyModel.Export("fr", model);
        Assert.Contains($"`appearance.jsonc` SHA-256 `{run.AppearanceSha256}` (appearance)", ModelCard.Write(model, run, eval));
    }

    [Fact]
    public void TheCardNamesTheModelItStartedFromUnlessThatFileIsNowThisModel()
    {
        var (run, model, eval) = TinyRun("fr");
        var start = Path.Combine(dir, "start.onnx");
        TinyModel.Export("fr", start, seed: 7);
        using var started = new DeepPlate.Inference.PlateModel(start, 1);

        var card = ModelCard.Write(model, run, eval, start);
        Assert.Contains($"- Started from: `{started.Id}` (trained: {started.Info.Training})", card);
        // The run's --init-from file (de.onnx) does not exist here, and the model itself is no starting point.
        Assert.DoesNotContain("Started from", ModelCard.Write(model, run, eval));
        Assert.DoesNotContain("Started from", ModelCard.Write(model, run, eval, model));
    }

    [Fact]
    public void TheAccuracyPageKeepsItsProseAndRewritesOnlyTheMeasuredPart()
    {
        var fr = TinyRun("fr");
        var it = TinyRun("it");
        var page = Path.Combine(dir, "docs", "accuracy.md");
        var figures = Path.Combine(dir, "docs", "accuracy");
        Directory.CreateDirectory(Path.GetDirectoryName(page)!);
        File.WriteAllText(page, "# Accuracy\n\nProse before.\n\n" + AccuracyPage.Begin + "\nstale\n" + AccuracyPage.End + "\n\nProse after.\n");

        AccuracyPage.Write([it.Eval, fr.Eval], page, figures);
        var first = File.ReadAllText(page);
        AccuracyPage.Write([fr.Eval, it.Eval], page, figures);
        var second = File.ReadAllText(page);

        Assert.Equal(first, second);
        Assert.StartsWith("# Accuracy\n\nProse before.\n\n" + AccuracyPage.Begin, first);
        Assert.EndsWith(AccuracyPage.End + "\n\nProse after.\n", first);
        Assert.DoesNotContain("stale", first);
        Assert.True(first.IndexOf("## France (fr)", StringComparison.Ordinal) < first.IndexOf("## Italy (it)", StringComparison.Ordinal));
        Assert.Contains("![France (fr): character top-1 accuracy](accuracy/fr-char-top1.png)", first);
        Assert.True(File.Exists(Path.Combine(figures, "it-top60.png")));
    }

    [Fact]
    public void TheAccuracyPageSharesEachCellOfTheIdealObserversAccuracy()
    {
        var fr = TinyRun("fr");
        var page = Path.Combine(dir, "accuracy.md");
        var ceilings = Path.Combine(dir, "ceiling");
        Directory.CreateDirectory(Path.Combine(ceilings, "fr"));
        // The random model's first cell set to 50 % characters; a made-up ceiling of 50 % there (the share is 100 %)
        // and 100 % everywhere else (the share is the random model's own accuracy, far below 90 %).
        var json = Path.Combine(fr.Eval, "eval.json");
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(json))!;
        node["cells"]![0]!["charTop1"] = 0.5;
        File.WriteAllText(json, node.ToJsonString());
        var eval = EvalJson.Read(json);
        var cells = eval.Cells.Select((c, i) => new DeepPlate.Training.Evaluation.Ceiling.CeilingCell(c.WidthPx, c.SnrDb, c.JpegQuality, 1000, i == 0 ? 500 : 1000)).ToList();
        new DeepPlate.Training.Evaluation.Ceiling.CeilingResult("fr", 30, "0x4556414C", cells).WriteJson(Path.Combine(ceilings, "fr", "ceiling.json"));

        AccuracyPage.Write([fr.Eval], page, Path.Combine(dir, "figures"), ceilings);
        var text = File.ReadAllText(page);
        Assert.Contains("### Against the ideal observer", text);
        Assert.Contains($"met in 1 of {eval.Cells.Count} cells", text);
        Assert.Contains("| 100.0 |", text);
    }
}
