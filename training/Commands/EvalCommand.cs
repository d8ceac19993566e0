using System.CommandLine;
using System.Globalization;
using DeepPlate.Inference;
using DeepPlate.Training.Evaluation;

namespace DeepPlate.Training.Commands;

/// <summary>
/// <c>deepplate eval</c>: evaluates a model on the standard grid (<see cref="EvaluationGrid.Standard"/>) and writes
/// eval.json, eval.md, confusion.csv and one heat map per metric.
/// </summary>
public static class EvalCommand
{
    /// <param name="Out">Output folder; null = beside the model, <c>&lt;model&gt;.eval</c>.</param>
    /// <param name="Threads">Threads generating plates and running the model.</param>
    public sealed record Settings(string Model, int Samples, string? Out, int Threads)
    {
        /// <summary>The grid; the command line always uses the standard one, tests a smaller one.</summary>
        public EvaluationGrid Grid { get; init; } = EvaluationGrid.Standard;

        /// <summary>Plates of the clean cell (100 px, no noise, no JPEG) measured again for the clean target; 0: none.</summary>
        public int CleanSamples { get; init; }

        /// <summary>Corner sets each plate is read with, fused (<c>--corner-sets</c>; 1: as clicked).</summary>
        public int CornerSets { get; init; } = 1;

        /// <summary>A folder of <c>&lt;cc&gt;/ceiling.json</c> (<c>deepplate ceiling</c>), or null.</summary>
        public string? Ceilings { get; init; }

        /// <summary>How the grid's plates look: "plain" (the standard grid), "default" or an appearance file.</summary>
        public string Appearance { get; init; } = "plain";

        public string OutputDirectory => Out ?? Path.ChangeExtension(Model, ".eval");
    }

    /// <summary>What a run produced.</summary>
    public sealed record Outcome(EvaluationResult Result, CharacterConfusion Confusion, IReadOnlyList<string> Files);

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model file (.onnx) to evaluate (with --real: only the photos of its country)." };
        var samples = new Option<int>("--samples") { Description = "Plates per grid cell.", DefaultValueFactory = _ => 200 };
        var output = new Option<string?>("--out") { Description = "Output folder (default: beside the model, <model>.eval)." };
        var threads = new Option<int>("--threads") { Description = "Threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var real = new Option<string>("--real") { Description = "Measure on labelled real photos instead: a manifest (image, country, state, corners, text, source, note; training/README.md)." };
        var models = new Option<string>("--models") { Description = "With --real: a folder of models (default: the shipped models)." };
        var degrade = new Option<string>("--degrade") { Description = "With --real: degraded conditions WIDTH:QUALITY,... (plate width in px, JPEG quality).", DefaultValueFactory = _ => RealEvalCommand.DefaultDegrade };
        var cornerSets = new Option<int>("--corner-sets") { Description = "Read each plate (with --real: each photo) with this many corner sets around the given ones, fused as frames are (1: as given; at most 7).", DefaultValueFactory = _ => 1 };
        var page = new Option<string>("--page") { Description = "With --real: write the 'Real photographs' section of this accuracy page (docs/accuracy.md)." };
        var clean = new Option<int>("--clean-samples") { Description = "Plates of the clean cell (100 px, no noise, no JPEG) read again for the clean target (0: none).", DefaultValueFactory = _ => 5000 };
        var ceilings = new Option<string?>("--ceilings") { Description = "A folder of <country>/ceiling.json (deepplate ceiling, e.g. docs/ceiling): counts the cells at 90 % of the ideal observer." };
        var appearance = new Option<string>("--appearance") { Description = "How the grid's plates look: 'plain' (the standard grid), 'default' (synth/appearance.jsonc, as training draws them) or an appearance file; anything but plain measures how much of the gap to real photos the look explains, and is not the standard grid.", DefaultValueFactory = _ => "plain" };
        var command = new Command("eval", "Evaluates a model on the standard grid of plate width x SNR x JPEG quality, or (--real) models on labelled real photos.")
        {
            model, samples, output, threads, real, models, degrade, page, cornerSets, clean, ceilings, appearance,
        };
        command.SetAction(r =>
        {
            if (r.GetValue(real) is { } manifest)
            {
                return ExecuteReal(new RealEvalCommand.Settings(manifest, r.GetValue(models), r.GetValue(model), r.GetValue(degrade)!,
                    r.GetValue(output) ?? "real.eval", r.GetValue(threads), r.GetValue(page)) { CornerSets = r.GetValue(cornerSets) }, Console.Out, Console.Error);
            }
            if (r.GetValue(model) is not { } file)
            {
                Console.Error.WriteLine("error: give --model FILE (the synthetic grid) or --real MANIFEST (real photos)");
                return 2;
            }
            return Execute(new Settings(file, r.GetValue(samples), r.GetValue(output), r.GetValue(threads))
            {
                CleanSamples = r.GetValue(clean),
                CornerSets = r.GetValue(cornerSets),
                Ceilings = r.GetValue(ceilings),
                Appearance = r.GetValue(appearance)!,
            }, Console.Out, Console.Error);
        });
        return command;
    }

    /// <returns>The exit code: 0, or 2 for a usage error (bad settings, no manifest or model, no photo to read).</returns>
    public static int ExecuteReal(RealEvalCommand.Settings settings, TextWriter output, TextWriter error)
    {
        try
        {
            RealEvalCommand.Run(settings, output);
            return 0;
        }
        catch (Exception e) when (Unwrap(e) is ArgumentException or IOException or InvalidDataException)
        {
            error.WriteLine($"error: {Unwrap(e).Message}");
            return 2;
        }
    }

    /// <returns>The exit code: 0, or 2 for a usage error (bad settings, no model file, not a DeepPlate model, a bad
    /// appearance file).</returns>
    public static int Execute(Settings settings, TextWriter output, TextWriter error)
    {
        try
        {
            Run(settings, output);
            return 0;
        }
        catch (Exception e) when (Unwrap(e) is ArgumentException or IOException or InvalidDataException or Formats.FormatFileException)
        {
            error.WriteLine($"error: {Unwrap(e).Message}");
            return 2;
        }
    }

    // Parallel.For wraps what a plate threw; the user wants the first cause.
    private static Exception Unwrap(Exception e) => e is AggregateException a ? a.Flatten().InnerExceptions[0] : e;

    /// <exception cref="ArgumentException">Bad settings.</exception>
    /// <exception cref="FileNotFoundException">No model file.</exception>
    /// <exception cref="InvalidDataException">Not a DeepPlate model, or one the current formats do not fit.</exception>
    public static Outcome Run(Settings s, TextWriter log)
    {
        if (s.Samples < 1) throw new ArgumentException("--samples must be at least 1");
        if (s.Threads < 1) throw new ArgumentException("--threads must be at least 1");
        if (s.CleanSamples < 0) throw new ArgumentException("--clean-samples must not be negative");
        if (s.CornerSets is < 1 or > CornerJitter.MaxSets) throw new ArgumentException($"--corner-sets must be 1-{CornerJitter.MaxSets}");
        if (s.Ceilings is not null && !Directory.Exists(s.Ceilings)) throw new DirectoryNotFoundException($"--ceilings: no folder {s.Ceilings}");
        if (!File.Exists(s.Model)) throw new FileNotFoundException($"model file not found: {s.Model}", s.Model);
        using var model = new PlateModel(s.Model, s.Threads);
        var info = model.Info;
        var cells = s.Grid.CellCount;
        log.WriteLine($"evaluating {s.Model} ({info.Country}, {info.Slots} slots x {info.Classes} classes) on {cells} cells x {s.Samples} plates");

        var look = Synth.AppearanceSpec.Resolve(s.Appearance);
        if (s.Appearance != "plain") log.WriteLine($"plates drawn with the {s.Appearance} appearance: not the standard grid");
        var result = Evaluator.Run(model, s.Grid, s.Samples, s.Threads, TenthsLog.For(cells, "cells", log), s.CornerSets, look, s.Appearance);
        if (s.CleanSamples > 0)
        {
            log.WriteLine($"the clean cell (100 px, no noise, no JPEG) on {s.CleanSamples} plates");
            var grid = s.Grid with { WidthsPx = [100], SnrsDb = [null], JpegQualities = [null] };
            result = result with { Clean = Evaluator.Run(model, grid, s.CleanSamples, s.Threads, cornerSets: s.CornerSets, appearance: look, appearanceName: s.Appearance).Overall };
        }
        if (s.Ceilings is not null)
        {
            var file = Path.Combine(s.Ceilings, info.Country, "ceiling.json");
            if (!File.Exists(file)) throw new FileNotFoundException($"--ceilings: no {file} (deepplate ceiling --country {info.Country} --out {Path.GetDirectoryName(file)})", file);
            var ceiling = Evaluation.Ceiling.CeilingResult.ReadJson(file);
            var (met, all) = CeilingCells.Count(result.Cells.Select(c => (c.Cell.WidthPx, c.Cell.SnrDb, c.Cell.JpegQuality, c.Metrics.CharTop1)), ceiling);
            result = result with { Ceiling = new CeilingCells(file.Replace('\\', '/'), ceiling.SamplesPerCell, met, all) };
        }
        if (result.FormatsChanged) log.WriteLine($"warning: the {info.Country} format files have changed since the model was trained");
        var confusion = CharacterConfusion.Evaluate(result.Predictions, info.Alphabet);
        var files = EvaluationReport.Write(result, confusion, s.Model, s.OutputDirectory);

        var o = result.Overall;
        log.WriteLine($"overall: character top-1 {Percent(o.CharTop1)} %, top-3 {Percent(o.CharTop3)} %, exact plates {Percent(o.Exact)} %, " +
                      $"true plate in the 60 best {Percent(o.Top60)} %, ECE {o.Ece.ToString("F4", CultureInfo.InvariantCulture)}");
        log.WriteLine($"model calibration (metadata): ECE {info.EceBefore.ToString("F4", CultureInfo.InvariantCulture)} before, " +
                      $"{info.EceAfter.ToString("F4", CultureInfo.InvariantCulture)} after temperature scaling (T = {info.Temperature.ToString("F3", CultureInfo.InvariantCulture)})");
        log.WriteLine($"wrote {s.OutputDirectory}: {string.Join(", ", files.Select(Path.GetFileName))}");
        return new Outcome(result, confusion, files);
    }

    private static string Percent(double rate) => (100 * rate).ToString("F1", CultureInfo.InvariantCulture);
}
