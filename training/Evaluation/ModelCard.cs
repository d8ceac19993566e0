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
    /// The model the run (with a chain: the chain's first run) started from; default: its <c>--init-from</c> file if it is still another model. Its id
    /// and training summary go on the card, so a chain of fine-tunings stays traceable after the file is replaced.
    /// </param>
    /// <param name="realFolder">Its <c>deepplate eval --real</c> output (real.json), or null/absent: the card then
    /// says the model was not measured on real photographs.</param>
    /// <param name="chain">The earlier runs this one continues, oldest first: each gets a line with its command,
    /// samples and minutes, so the card records the whole chain of training.</param>
    public static string Write(string model, RunFolder run, string evalFolder, string? startedFrom = null, string? realFolder = null,
        IReadOnlyList<RunFolder>? chain = null)
    {
        var options = run.LoadOptions();
        var state = run.LoadState();
        ModelInfo info;
        string sha256;
        using (var loaded = new PlateModel(model, 1)) (info, sha256) = (loaded.Info, loaded.Sha256);
        var eval = EvalJson.Read(Path.Combine(evalFolder, "eval.json"));
        var grid = File.ReadAllText(Path.Combine(evalFolder, "eval.md"));
        var country = FormatRegistry.Default.Country(info.Country);
        // One country of a joint run: the command is the joint run's (its folder holds the country's).
        var made = options.Joint is not null && Directory.GetParent(run.Path) is { } parent && new RunFolder(parent.FullName) is { } joint
            && File.Exists(joint.Options) ? joint.LoadOptions() : options;
        var given = RecordOptions<TrainOptions>.Differences(made with { Out = null }, new TrainOptions { Country = made.Country });
        var realJson = realFolder is null ? null : Path.Combine(realFolder, "real.json");
        var real = realJson is not null && File.Exists(realJson) ? Real.RealReport.ReadJson(realJson) : null;
        real = real is null ? null : real with
        {
            Groups = [.. real.Groups.Where(g => g.Country == info.Country)],
            Photos = [.. real.Photos.Where(p => p.Country == info.Country)],
            Models = [.. real.Models.Where(m => m.Country == info.Country)],
        };
        if (real is { Photos.Count: 0 }) real = null;
        if (real is not null && real.Models.All(m => m.Sha256 != sha256))
        {
            throw new InvalidDataException($"{realJson} measured another {info.Country} model ({string.Join(", ", real.Models.Select(m => m.Id))}), not {Path.GetFileName(model)}");
        }

        // The model's own record (or, in models older than it, the standard network its first convolution implies).
        var network = OnnxImporter.Spec(model);
        var kind = network.Head == HeadKind.Slots ? "A per-slot CNN" : $"A CNN with an {network.Head.ToString().ToLowerInvariant()} head";
        var md = new StringBuilder();
        md.Line($"# Model card: {info.Country} ({country.Name})")
            .Line()
            .Line($"{kind} ({info.Slots} slots × {info.Classes} classes, input {info.InputHeight}×{info.InputWidth} grey) trained on " +
                  "synthetic plates only (`synth/`); evaluated on the standard grid of synthetic plates" +
                  (real is null ? ". It has not been measured on real photographs." : " and on labelled real photographs it never saw (below)."))
            .Line()
            .Line($"- File: `{Path.GetFileName(model)}`, SHA-256 `{sha256}`, {new FileInfo(model).Length} bytes.")
            .Line("- Made by:")
            .Line()
            .Line($"      deepplate train --country {made.Country} {string.Join(' ', given)}".TrimEnd())
            .Line($"      deepplate eval --model {Path.GetFileName(model)} --samples {eval.SamplesPerCell}{EvalOptions(eval)}")
            .Line()
            .Line($"  (`scripts/train-models` runs both for a list of countries.) Every other option has its default; all of them: " +
                  string.Join(", ", RecordOptions<TrainOptions>.Describe(options).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) + ".");
        if (options.Joint is not null)
        {
            md.Line($"- Joint run of {options.Joint}: the countries took turns batch by batch and shared the convolutions, each with its own head; " +
                    "the samples below are this country's, the minutes the whole run's.");
        }
        // With a chain, --started-from is where the chain's first run started; this run started from the last one.
        var hasChain = chain is { Count: > 0 };
        if (StartingModel(hasChain ? options.InitFrom : startedFrom ?? options.InitFrom, sha256) is { } start) md.Line(start);
        md.Line($"- Network: {network.Describe()}; {network.ParameterCount().ToString("N0", CultureInfo.InvariantCulture)} parameters.");
        md.Line($"- Data: format files SHA-256 `{info.FormatsSha256}`; {Spec(run.Degradations, info.DegradationsSha256)} (camera) and " +
                $"{Spec(run.Appearance, info.AppearanceSha256)} (appearance), copies in the run folder.");
        var minutes = state.Seconds / 60;
        for (var i = 0; i < (chain?.Count ?? 0); i++)
        {
            var earlier = chain![i];
            var o = earlier.LoadOptions();
            var s = earlier.LoadState();
            minutes += s.Seconds / 60;
            var args = RecordOptions<TrainOptions>.Differences(o with { Out = null }, new TrainOptions { Country = o.Country });
            md.Line($"- Earlier run of the chain: `deepplate train --country {o.Country} {string.Join(' ', args)}`; " +
                    $"{s.Samples.ToString("N0", CultureInfo.InvariantCulture)} samples in {(s.Seconds / 60).ToString("F0", CultureInfo.InvariantCulture)} minutes; " +
                    $"data {Spec(earlier.Degradations)}, {Spec(earlier.Appearance)}.");
            if (StartingModel(i == 0 ? startedFrom ?? o.InitFrom : o.InitFrom, sha256) is { } first) md.Line("  " + first);
        }
        if (hasChain) md.Line($"- This chain of runs: {minutes.ToString("F0", CultureInfo.InvariantCulture)} minutes of training (one core each) on top of the model its first run started from.");
        md.Line($"- Samples seen: {state.Samples.ToString("N0", CultureInfo.InvariantCulture)} in {(state.Seconds / 60).ToString("F0", CultureInfo.InvariantCulture)} minutes " +
                  $"({(state.Samples / Math.Max(1, state.Seconds)).ToString("F0", CultureInfo.InvariantCulture)} samples/s).")
            .Line($"- Validation at full difficulty ({options.ValidationSamples} plates): {Percent(state.ValidationCharAccuracy)} % characters, {Percent(state.ValidationPlateAccuracy)} % plates.")
            .Line($"- Calibration on {options.CalibrationSamples} held-out plates: temperature {info.Temperature.ToString("F3", CultureInfo.InvariantCulture)}; " +
                  $"ECE {info.EceBefore.ToString("F4", CultureInfo.InvariantCulture)} before, {info.EceAfter.ToString("F4", CultureInfo.InvariantCulture)} after.")
            .Line()
            .Line("## Targets")
            .Line();
        TargetsMarkdown.Append(md, eval.Targets());
        if (real is not null)
        {
            md.Line().Line("## Real photographs").Line();
            md.Line($"      deepplate eval --real {real.Manifest} --model {Path.GetFileName(model)}").Line();
            Real.RealReport.Tables(md, real, "###");
        }
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

    /// <summary>The options of the evaluation beyond the plates per cell, as its command line gave them.</summary>
    private static string EvalOptions(EvalJson.Document eval)
    {
        var text = new StringBuilder();
        if (eval.Clean is null) text.Append(" --clean-samples 0");
        else if (eval.Clean.Plates != 5000) text.Append(CultureInfo.InvariantCulture, $" --clean-samples {eval.Clean.Plates}");
        if (eval.Ceiling is { } c) text.Append(" --ceilings ").Append(Path.GetDirectoryName(Path.GetDirectoryName(c.File))?.Replace('\\', '/'));
        if (eval.CornerSets > 1) text.Append(CultureInfo.InvariantCulture, $" --corner-sets {eval.CornerSets}");
        if (eval.Appearance != "plain") text.Append(CultureInfo.InvariantCulture, $" --appearance {eval.Appearance}");
        return text.ToString();
    }

    /// <summary>The card's line on the starting model, or null without one.</summary>
    private static string? StartingModel(string? path, string modelSha256)
    {
        if (path is not null && Directory.Exists(path)) return $"- Started from: the checkpoint of run folder `{path}`.";
        if (path is null || !File.Exists(path)) return null;
        using var start = new PlateModel(path, 1);
        if (start.Sha256 == modelSha256) return null; // the file was replaced by this model
        return $"- Started from: `{start.Id}` (trained: {start.Info.Training}); its card, where it had one, is in the git history of `inference/models/`.";
    }

    /// <summary>A data spec's hash as the model records it, else as the run's copy gives it (models older than the record).</summary>
    private static string Spec(string file, string? recorded = null)
    {
        var name = System.IO.Path.GetFileName(file);
        var copy = RunFolder.Sha256(file);
        if ((recorded ?? copy) is not { } sha) return $"`{name}` not recorded (a run older than the copies)";
        // A copy that no longer matches the model means the folder was changed since: say so rather than pick one.
        var changed = recorded is not null && copy is not null && copy != recorded ? $" (the run folder's copy now has SHA-256 `{copy}`)" : "";
        return $"`{name}` SHA-256 `{sha}`{changed}";
    }

    private static string Percent(double rate) => (100 * rate).ToString("F1", CultureInfo.InvariantCulture);
}
