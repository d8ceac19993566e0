using System.Globalization;
using System.Text;
using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Training.Commands;

namespace DeepPlate.Training.Evaluation;

/// <summary>
/// A shipped model's card, written from what its run recorded: the file and its hash, the commands and options that
/// made it, samples seen, validation and calibration, the accuracy targets and the whole standard grid (eval.md).
/// Nothing in it is typed by hand, so a card always matches its model.
/// </summary>
public static class ModelCard
{
    /// <param name="model">The shipped model file (its hash and metadata are cited).</param>
    /// <param name="run">The run that trained it.</param>
    /// <param name="evalFolder">Its <c>deepplate eval</c> output (eval.json, eval.md).</param>
    /// <param name="startedFrom">
    /// The model the run started from; default: the run's <c>--init-from</c> file if it is still another model. Its id
    /// and training summary go on the card, so a chain of fine-tunings stays traceable after the file is replaced.
    /// </param>
    public static string Write(string model, RunFolder run, string evalFolder, string? startedFrom = null)
    {
        var options = run.LoadOptions();
        var state = run.LoadState();
        ModelInfo info;
        string sha256;
        using (var loaded = new PlateModel(model, 1)) (info, sha256) = (loaded.Info, loaded.Sha256);
        var eval = EvalJson.Read(Path.Combine(evalFolder, "eval.json"));
        var grid = File.ReadAllText(Path.Combine(evalFolder, "eval.md"));
        var country = FormatRegistry.Default.Country(info.Country);
        var given = RecordOptions<TrainOptions>.Differences(options with { Out = null }, new TrainOptions { Country = options.Country });

        var md = new StringBuilder();
        md.Line($"# Model card: {info.Country} ({country.Name})")
            .Line()
            .Line($"A per-slot CNN ({info.Slots} slots × {info.Classes} classes, input {info.InputHeight}×{info.InputWidth} grey) trained on " +
                  "synthetic plates only (`synth/`); evaluated on the standard grid of synthetic plates. It has not been measured on real photographs.")
            .Line()
            .Line($"- File: `{Path.GetFileName(model)}`, SHA-256 `{sha256}`, {new FileInfo(model).Length} bytes.")
            .Line("- Made by:")
            .Line()
            .Line($"      deepplate train --country {options.Country} {string.Join(' ', given)}".TrimEnd())
            .Line($"      deepplate eval --model {Path.GetFileName(model)} --samples {eval.SamplesPerCell}")
            .Line()
            .Line($"  (`scripts/train-models` runs both for a list of countries.) Every other option has its default; all of them: " +
                  string.Join(", ", RecordOptions<TrainOptions>.Describe(options).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) + ".");
        if (StartingModel(startedFrom ?? options.InitFrom, sha256) is { } start) md.Line(start);
        md.Line($"- Samples seen: {state.Samples.ToString("N0", CultureInfo.InvariantCulture)} in {(state.Seconds / 60).ToString("F0", CultureInfo.InvariantCulture)} minutes " +
                  $"({(state.Samples / Math.Max(1, state.Seconds)).ToString("F0", CultureInfo.InvariantCulture)} samples/s).")
            .Line($"- Validation at full difficulty ({options.ValidationSamples} plates): {Percent(state.ValidationCharAccuracy)} % characters, {Percent(state.ValidationPlateAccuracy)} % plates.")
            .Line($"- Calibration on {options.CalibrationSamples} held-out plates: temperature {info.Temperature.ToString("F3", CultureInfo.InvariantCulture)}; " +
                  $"ECE {info.EceBefore.ToString("F4", CultureInfo.InvariantCulture)} before, {info.EceAfter.ToString("F4", CultureInfo.InvariantCulture)} after.")
            .Line()
            .Line("## Targets")
            .Line();
        TargetsMarkdown.Append(md, eval.Targets());
        md.Line().Line($"## Standard evaluation grid ({eval.SamplesPerCell} plates a cell)").Line();
        // eval.md's header repeats what is above and its targets are shown already; its other sections go one level down.
        var keep = false;
        foreach (var line in grid.Split('\n')[1..])
        {
            var heading = line.StartsWith("## ", StringComparison.Ordinal);
            if (heading) keep = line != "## Targets";
            if (keep) md.Line(heading ? "#" + line : line);
        }
        return md.ToString();
    }

    /// <summary>The card's line on the starting model, or null without one.</summary>
    private static string? StartingModel(string? path, string modelSha256)
    {
        if (path is null || !File.Exists(path)) return null;
        using var start = new PlateModel(path, 1);
        if (start.Sha256 == modelSha256) return null; // the file was replaced by this model
        return $"- Started from: `{start.Id}` (trained: {start.Info.Training}); its card, where it had one, is in the git history of `inference/models/`.";
    }

    private static string Percent(double rate) => (100 * rate).ToString("F1", CultureInfo.InvariantCulture);
}
