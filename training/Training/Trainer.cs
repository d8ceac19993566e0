using DeepPlate.Synth;
using System.Diagnostics;
using System.Globalization;
using DeepPlate.Formats;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepPlate.Training;

/// <summary>
/// One training run, start to finish: synthetic batches stream in from <see cref="BatchSource"/>, AdamW follows the
/// warm-up + cosine <see cref="Schedule"/>, the curriculum widens the degradations, a fixed validation set is scored
/// every <see cref="TrainOptions.ValidateEvery"/> samples, checkpoints let a run resume, and the end of the run
/// calibrates and exports the model (<see cref="ModelExport"/>).
/// </summary>
public sealed class Trainer(TrainOptions options, Action<TrainStatus>? report = null)
{
    private readonly RunFolder run = new(options.RunFolder);

    public RunFolder Run => run;

    /// <summary>Trains, or resumes from the run folder's checkpoint when <paramref name="resume"/> is set.</summary>
    public ValidationResult Train(bool resume = false)
    {
        options.Validate();
        TorchSetup.Ensure();
        var country = FormatRegistry.Default.Country(options.Country);
        var alphabet = ModelAlphabet.For(country);
        var threads = options.ComputeThreads;
        torch.set_num_threads(threads);
        random.manual_seed((long)(options.Seed % long.MaxValue));

        // Unless --network says otherwise, a run started from a model trains that model's network. Its weights are
        // loaded after the new network is built, so a seed draws the same initial weights and dropout as it always did.
        var initFrom = resume ? null : options.InitFrom;
        var spec = RunNetwork.Choose(options, run, resume, initFrom is null ? null : SourceSpec(initFrom));
        using var net = new PlateNet(spec);
        if (initFrom is not null) InitFrom(net, initFrom);
        using var optimizer = optim.AdamW(net.parameters(), options.LearningRate, weight_decay: options.WeightDecay);

        var state = new CheckpointState(0, 0, 0, 0, 0);
        if (resume)
        {
            if (!run.HasCheckpoint) throw new FileNotFoundException($"{run.Path} has no checkpoint to resume from", run.Weights);
            net.load(run.Weights);
            optimizer.load_state_dict(run.Optimizer);
            state = run.LoadState();
        }
        run.SaveOptions(options);
        run.SaveNetwork(spec);
        run.SaveSpecs(DegradationSpec.Default.File, options.Appearance);
        if (!resume || !File.Exists(run.Metrics))
            File.WriteAllText(run.Metrics, "step,samples,seconds,learning_rate,difficulty,train_loss,val_loss,val_char_accuracy,val_plate_accuracy,samples_per_second\n");

        var (valInputs, valLabels) = PlateSampler.FixedSet(country.Code, options.InputHeight, options.InputWidth,
            options.ValidationSeed, options.ValidationSamples, 1, threads, AppearanceSpec.Resolve(options.Appearance));

        if (initFrom is not null && File.Exists(initFrom)) MatchBatchStatistics(net, valInputs, options.ValidationSamples);

        var clock = Stopwatch.StartNew();
        var progress = Progress(state.Samples, state.Seconds);
        var published = progress;
        var firstBatch = state.Samples / options.BatchSize;
        using var source = new BatchSource(country.Code, options.InputHeight, options.InputWidth, options.BatchSize,
            options.Seed, firstBatch, options.Workers, options.Prefetch,
            number => Schedule.Difficulty(options, options.Minutes > 0 ? Volatile.Read(ref published) : (double)number * options.BatchSize / options.Samples),
            AppearanceSpec.Resolve(options.Appearance));

        net.train();
        var (step, samples) = (state.Step, state.Samples);
        var nextValidation = (samples / options.ValidateEvery + 1) * options.ValidateEvery;
        var nextCheckpoint = (samples / options.CheckpointEvery + 1) * options.CheckpointEvery;
        var lossSum = 0.0;
        var lossCount = 0;
        var rateSamples = 0L;
        var rateClock = Stopwatch.StartNew();
        var rate = 0.0;
        ValidationResult? validation = null;
        var previousSeconds = state.Seconds;
        while (progress < 1)
        {
            var batch = source.Take();
            var learningRate = Schedule.LearningRate(options, progress);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
            var loss = TrainingStep.Run(net, optimizer, batch, options.GradientClip, options.LabelSmoothing);
            var difficulty = batch.Difficulty;
            source.Return(batch);
            if (!float.IsFinite(loss)) throw new InvalidOperationException($"the loss became {loss} at step {step}: lower --learning-rate");

            step++;
            samples += options.BatchSize;
            rateSamples += options.BatchSize;
            lossSum += loss;
            lossCount++;
            var seconds = previousSeconds + clock.Elapsed.TotalSeconds;
            progress = Progress(samples, seconds);
            Volatile.Write(ref published, progress);
            if (rateClock.Elapsed.TotalSeconds >= 2)
            {
                rate = rateSamples / rateClock.Elapsed.TotalSeconds;
                (rateSamples, rateClock) = (0, Stopwatch.StartNew());
            }

            var validated = false;
            var finished = progress >= 1;
            if (samples >= nextValidation || finished)
            {
                validation = Validation.Evaluate(net, valInputs, valLabels, options.ValidationSamples);
                net.train();
                File.AppendAllText(run.Metrics, string.Create(CultureInfo.InvariantCulture,
                    $"{step},{samples},{seconds:F1},{learningRate:G4},{difficulty:F3},{lossSum / lossCount:F5},{validation.Loss:F5},{validation.CharAccuracy:F5},{validation.PlateAccuracy:F5},{rate:F1}\n"));
                (lossSum, lossCount) = (0, 0);
                nextValidation += options.ValidateEvery;
                validated = true;
            }
            if (samples >= nextCheckpoint || finished)
            {
                Checkpoint(net, optimizer, new CheckpointState(step, samples, seconds, validation?.CharAccuracy ?? 0, validation?.PlateAccuracy ?? 0, spec));
                nextCheckpoint += options.CheckpointEvery;
            }
            report?.Invoke(new TrainStatus(step, samples, progress, rate, loss, learningRate, difficulty,
                TimeSpan.FromSeconds(seconds), Remaining(progress, samples, seconds, rate), validation, validated));
        }
        return validation!;
    }

    private double Progress(long samples, double seconds) =>
        options.Minutes > 0 ? seconds / (options.Minutes * 60) : (double)samples / options.Samples;

    private TimeSpan Remaining(double progress, long samples, double seconds, double rate)
    {
        if (options.Minutes > 0) return TimeSpan.FromSeconds(Math.Max(0, options.Minutes * 60 - seconds));
        return rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, options.Samples - samples) / rate) : TimeSpan.Zero;
    }

    private void Checkpoint(PlateNet net, AdamW optimizer, CheckpointState state)
    {
        // Weights and optimiser first, then the state that points at them, each through a temporary name.
        net.save(run.Weights + ".tmp");
        File.Move(run.Weights + ".tmp", run.Weights, overwrite: true);
        optimizer.save_state_dict(run.Optimizer + ".tmp");
        File.Move(run.Optimizer + ".tmp", run.Optimizer, overwrite: true);
        run.SaveState(state);
    }

    /// <summary>
    /// Copies every parameter and buffer whose name and shape match from another run's checkpoint or an exported
    /// model (typically another country: the convolutions carry over, a head with another alphabet starts fresh).
    /// </summary>
    private static void InitFrom(PlateNet net, string source)
    {
        using var other = LoadSource(source);
        var theirs = other.state_dict();
        using var _ = no_grad();
        var copied = 0;
        foreach (var (name, mine) in net.state_dict())
        {
            if (theirs.TryGetValue(name, out var t) && t.shape.SequenceEqual(mine.shape))
            {
                mine.copy_(t);
                copied++;
            }
        }
        if (copied == 0) throw new ArgumentException($"--init-from: {source} shares no layer with this network");
    }

    // A model file lost its batch norms' statistics to folding (PlateNet.MatchBatchStatistics); up to 512 plates
    // of the validation set (full difficulty, as the model's last training batches were) give them back.
    private static void MatchBatchStatistics(PlateNet net, float[] inputs, int count)
    {
        var spec = net.Spec;
        var n = Math.Min(512, count);
        using var x = tensor(inputs.AsSpan(0, n * spec.InputHeight * spec.InputWidth).ToArray(), [n, 1, spec.InputHeight, spec.InputWidth]);
        net.MatchBatchStatistics(x);
    }

    private static PlateNet LoadSource(string source) =>
        File.Exists(source) ? OnnxImporter.Load(source) : ModelExport.LoadCheckpoint(SourceRun(source));

    private static NetworkSpec SourceSpec(string source) =>
        File.Exists(source) ? OnnxImporter.Spec(source) : RunNetwork.Recorded(SourceRun(source));

    private static RunFolder SourceRun(string source)
    {
        var run = new RunFolder(source);
        return run.HasCheckpoint
            ? run
            : throw new FileNotFoundException($"--init-from: {source} is neither a model file nor a run folder with a checkpoint", run.Weights);
    }
}
