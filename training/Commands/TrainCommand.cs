using System.CommandLine;
using DeepPlate.Formats;
using Spectre.Console;

namespace DeepPlate.Training.Commands;

/// <summary>
/// <c>deepplate train --country XX [--samples N | --minutes M] [--out DIR] [--resume] [--init-from RUN]</c>, plus
/// every <see cref="TrainOptions"/> property as an option. Prints the resolved options, shows a progress bar (or log
/// lines when the output is not a terminal) and exports the calibrated model into the run folder at the end.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var options = new RecordOptions<TrainOptions>(new TrainOptions(), new HashSet<string>());
        var country = options.For(nameof(TrainOptions.Country));
        country.Description = $"{country.Description} Codes: {CountryCodes.ListDefault()}.";
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out (or runs/<country>) from its checkpoint, with its saved options; options given here override them." };
        var command = new Command("train", "Trains a country's plate reader on synthetic plates and exports it to ONNX.") { resume };
        foreach (var o in options.All) command.Options.Add(o);
        command.SetAction(r =>
        {
            TorchSetup.Ensure();
            try
            {
                var resolved = Resolve(options, r, r.GetValue(resume));
                Run(resolved, r.GetValue(resume), r.InvocationConfiguration.Output);
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidDataException or UnknownCountryException)
            {
                r.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    public static TrainOptions Resolve(RecordOptions<TrainOptions> options, ParseResult result, bool resume)
    {
        var given = options.Bind(result, new TrainOptions());
        if (!resume) return given;
        var run = new RunFolder(given.RunFolder);
        return options.Bind(result, run.LoadOptions());
    }

    public static void Run(TrainOptions options, bool resume, TextWriter log)
    {
        options.Validate();
        log.WriteLine($"deepplate train ({(resume ? "resuming " : "")}{options.RunFolder}) with:");
        log.Write(RecordOptions<TrainOptions>.Describe(options));

        var interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var trainer = interactive ? null : new Trainer(options, Logged(log));
        ValidationResult result;
        if (interactive)
        {
            result = AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    var task = context.AddTask("training", maxValue: 1);
                    trainer = new Trainer(options, s =>
                    {
                        task.Value = Math.Min(1, s.Progress);
                        task.Description = Line(s);
                    });
                    return trainer.Train(resume);
                });
        }
        else
        {
            result = trainer!.Train(resume);
        }
        log.WriteLine($"validation at full difficulty: {result.CharAccuracy:P1} characters, {result.PlateAccuracy:P1} plates" +
            (options.Countries.Count > 1 ? " (mean of the countries)" : ""));

        foreach (var run in trainer!.ModelRuns)
        {
            var (info, calibration) = ModelExport.Export(run, run.Model);
            log.WriteLine($"calibration: temperature {calibration.Temperature:F3}, ECE {calibration.EceBefore:F4} -> {calibration.EceAfter:F4} on {calibration.Plates} plates");
            log.WriteLine($"wrote {run.Model} ({info.Country}, {info.Alphabet.Length} characters, {info.Slots} slots)");
        }
    }

    private static Action<TrainStatus> Logged(TextWriter log)
    {
        var lastLine = DateTime.MinValue;
        var lastSkipped = 0L;
        return s =>
        {
            // A skipped step gets its line at once, so that the log says where it was.
            var skipped = s.Skipped > lastSkipped;
            lastSkipped = s.Skipped;
            if (!s.Validated && !skipped && DateTime.UtcNow - lastLine < TimeSpan.FromSeconds(30)) return;
            lastLine = DateTime.UtcNow;
            log.WriteLine($"{s.Progress,7:P1}  {Line(s)}  left {s.Remaining:hh\\:mm\\:ss}");
        };
    }

    private static string Line(TrainStatus s) =>
        $"step {s.Step} · {s.Samples:N0} samples · {s.SamplesPerSecond:F0}/s · " +
        (double.IsFinite(s.Loss) ? $"loss {s.Loss:F3}" : "loss not finite, step skipped") + $" · difficulty {s.Difficulty:F2}" +
        (s.Validation is { } v ? $" · val {v.CharAccuracy:P1} chars, {v.PlateAccuracy:P1} plates" : "") +
        (s.Skipped > 0 ? $" · {s.Skipped} skipped" : "");
}
