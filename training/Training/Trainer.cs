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
/// calibrates and exports the model (<see cref="ModelExport"/>). A joint run (several countries) trains one
/// <see cref="Lane"/> per country, batch by batch in turn, all sharing the convolutions; each lane keeps its own head,
/// optimiser, batches, validation set and run folder (<c>out/code</c>), so its folder is a run of its country.
/// </summary>
public sealed class Trainer(TrainOptions given, Action<TrainStatus>? report = null)
{
    private const int MaxSkippedInARow = 20;

    // 'auto' precision is decided here, once, and recorded in the run's options.
    private readonly TrainOptions options = given.WithHostPrecision();

    private readonly RunFolder run = new(given.RunFolder);

    public RunFolder Run => run;

    /// <summary>The folders that get a model: the run's own, or in a joint run each country's (<c>out/code</c>).</summary>
    public IReadOnlyList<RunFolder> ModelRuns => options.Countries.Count == 1
        ? [run]
        : [.. options.Countries.Select(c => new RunFolder(Path.Combine(run.Path, c)))];

    /// <summary>Trains, or resumes from the run folder's checkpoint when <paramref name="resume"/> is set.</summary>
    public ValidationResult Train(bool resume = false)
    {
        options.Validate();
        TorchSetup.Ensure();
        var threads = options.ComputeThreads;
        torch.set_num_threads(threads);
        random.manual_seed((long)(options.Seed % long.MaxValue));

        var lanes = new List<Lane>();
        try
        {
            return Train(lanes, resume);
        }
        finally
        {
            // Reversed: the first lane's network owns the shared convolutions.
            for (var i = lanes.Count - 1; i >= 0; i--) lanes[i].Dispose();
        }
    }

    private ValidationResult Train(List<Lane> lanes, bool resume)
    {
        var threads = options.ComputeThreads;
        var folders = ModelRuns;
        var degradations = options.ResolveDegradations();
        foreach (var (code, folder) in options.Countries.Zip(folders))
        {
            var o = LaneOptions(code, folder, lanes.Count);
            FormatRegistry.Default.Country(code); // an unknown code fails here, before a folder is written
            // Unless --network says otherwise, a run started from a model trains that model's network. Its weights are
            // loaded after the new network is built, so a seed draws the same initial weights and dropout as it always did.
            var initFrom = resume ? null : o.InitFrom;
            var spec = RunNetwork.Choose(o, folder, resume, initFrom is null ? null : SourceSpec(initFrom));
            lanes.Add(new Lane(o, folder, new PlateNet(spec, lanes.FirstOrDefault()?.Net)));
        }
        // The first country's model gives the shared convolutions: it is loaded last.
        if (!resume) foreach (var lane in Enumerable.Reverse(lanes)) if (lane.Options.InitFrom is { } from) InitFrom(lane.Net, from);

        var state = new CheckpointState(0, 0, 0, 0, 0);
        if (resume && !(lanes.Count > 1 ? File.Exists(run.State) : run.HasCheckpoint))
            throw new FileNotFoundException($"{run.Path} has no checkpoint to resume from", lanes.Count > 1 ? run.State : run.Weights);
        if (resume && lanes.Count > 1) state = run.LoadState();
        run.SaveOptions(options);
        foreach (var lane in lanes)
        {
            lane.Optimizer = optim.AdamW(lane.Net.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
            if (resume)
            {
                if (!lane.Run.HasCheckpoint) throw new FileNotFoundException($"{lane.Run.Path} has no checkpoint to resume from", lane.Run.Weights);
                lane.Net.load(lane.Run.Weights);
                lane.Optimizer.load_state_dict(lane.Run.Optimizer);
                var own = lane.Run.LoadState();
                (lane.Step, lane.Samples) = (own.Step, own.Samples);
                if (lanes.Count == 1) state = own;
            }
            lane.Run.SaveOptions(lane.Options);
            lane.Run.SaveNetwork(lane.Net.Spec);
            lane.Run.SaveSpecs(degradations.File, options.Appearance);
            if (!resume || !File.Exists(lane.Run.Metrics))
                File.WriteAllText(lane.Run.Metrics, "step,samples,seconds,learning_rate,difficulty,train_loss,val_loss,val_char_accuracy,val_plate_accuracy,samples_per_second\n");
            (lane.ValidationInputs, lane.ValidationLabels) = PlateSampler.FixedSet(lane.Country, options.InputHeight, options.InputWidth,
                options.ValidationSeed, options.ValidationSamples, 1, threads, AppearanceSpec.Resolve(options.Appearance));
        }
        if (lanes[0].Options.InitFrom is { } first && !resume && File.Exists(first)) MatchBatchStatistics(lanes[0].Net, lanes[0].ValidationInputs, options.ValidationSamples);

        var clock = Stopwatch.StartNew();
        var progress = Progress(state.Samples, state.Seconds);
        var published = progress;
        foreach (var lane in lanes)
        {
            var hopeless = options.HopelessKeep < 1 ? HopelessPlates.ForRun(lane.Run, options.Ceilings, lane.Country, options.HopelessKeep) : null;
            lane.Source = new BatchSource(lane.Country, options.InputHeight, options.InputWidth, options.BatchSize,
                lane.Options.Seed, lane.Samples / options.BatchSize, options.Workers, options.Prefetch,
                number => Schedule.Difficulty(options, options.Minutes > 0 ? Volatile.Read(ref published) : (double)number * options.BatchSize * lanes.Count / options.Samples),
                AppearanceSpec.Resolve(options.Appearance), hopeless, options.Erase > 0 ? new RandomErasing(options.Erase) : null,
                degradations);
            lane.Net.train();
            if (options.Precision == TrainOptions.BFloat16) lane.Shadow = new BFloat16Shadow(lane.Net);
            // Made after the batch statistics are matched, so that the average starts from the weights training starts from.
            if (options.Average > 0)
            {
                lane.Average = new WeightAverage(lane.Net, options.Average);
                if (resume && File.Exists(lane.Run.Average)) lane.Average.Load(lane.Run.Average);
            }
        }

        var (step, samples) = (state.Step, state.Samples);
        var nextValidation = (samples / options.ValidateEvery + 1) * options.ValidateEvery;
        var nextCheckpoint = (samples / options.CheckpointEvery + 1) * options.CheckpointEvery;
        var rateSamples = 0L;
        var rateClock = Stopwatch.StartNew();
        var rate = 0.0;
        var (skippedInARow, skippedSteps) = (0, 0L);
        ValidationResult? validation = null;
        var previousSeconds = state.Seconds;
        while (progress < 1)
        {
            // Countries take turns batch by batch; the global step says whose turn it is, so a resumed run goes on in order.
            var lane = lanes[(int)(step % lanes.Count)];
            var batch = lane.Source.Take();
            var learningRate = Schedule.LearningRate(options, progress);
            foreach (var group in lane.Optimizer.ParamGroups) group.LearningRate = learningRate;
            var loss = TrainingStep.Run(lane.Net, lane.Optimizer, batch, options.GradientClip, options.LabelSmoothing, options.IssuedPrior,
                shadow: lane.Shadow);
            var difficulty = batch.Difficulty;
            lane.Source.Return(batch);
            // A step whose loss or gradients are not finite was skipped (TrainingStep); many in a row mean the run diverged.
            // Tiny networks had such steps now and then, from libtorch's convolution (training/README.md, "Optimiser").
            var skipped = !float.IsFinite(loss);
            skippedInARow = skipped ? skippedInARow + 1 : 0;
            if (skipped) skippedSteps++;
            if (skippedInARow > MaxSkippedInARow)
                throw new InvalidOperationException($"the loss or its gradients were not finite for {skippedInARow} steps in a row, the last at step {step}{(lanes.Count > 1 ? $" ({lane.Country})" : "")}: lower --learning-rate");

            if (!skipped) lane.Average?.Update(lane.Step);
            step++;
            samples += options.BatchSize;
            lane.Step++;
            lane.Samples += options.BatchSize;
            if (!skipped) lane.AddLoss(loss);
            rateSamples += options.BatchSize;
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
                foreach (var l in lanes)
                {
                    // The weights the run exports are the ones scored: the average, where there is one.
                    l.Average?.Swap();
                    l.Validation = Validation.Evaluate(l.Net, l.ValidationInputs, l.ValidationLabels, options.ValidationSamples);
                    l.Average?.Swap();
                    l.Net.train();
                    var v = l.Validation;
                    File.AppendAllText(l.Run.Metrics, string.Create(CultureInfo.InvariantCulture,
                        $"{l.Step},{l.Samples},{seconds:F1},{learningRate:G4},{difficulty:F3},{l.TakeMeanLoss():F5},{v.Loss:F5},{v.CharAccuracy:F5},{v.PlateAccuracy:F5},{rate:F1}\n"));
                }
                validation = Mean(lanes.Select(l => l.Validation!));
                nextValidation += options.ValidateEvery;
                validated = true;
            }
            if (samples >= nextCheckpoint || finished)
            {
                Checkpoint(lanes, new CheckpointState(step, samples, seconds, validation?.CharAccuracy ?? 0, validation?.PlateAccuracy ?? 0), seconds);
                nextCheckpoint += options.CheckpointEvery;
            }
            report?.Invoke(new TrainStatus(step, samples, progress, rate, loss, learningRate, difficulty,
                TimeSpan.FromSeconds(seconds), Remaining(progress, samples, seconds, rate), validation, validated, skippedSteps));
        }
        return validation!;
    }

    /// <summary>A lane's options: the run's own for one country; in a joint run the country's, its folder, the
    /// joint run's countries, its own sample stream (the first country keeps the seed) and its own starting model.</summary>
    private TrainOptions LaneOptions(string code, RunFolder folder, int index)
    {
        if (options.Countries.Count == 1) return options;
        return options with
        {
            Country = code,
            Out = folder.Path,
            Joint = options.Country,
            Seed = unchecked(options.Seed + (ulong)index * 0x9E3779B97F4A7C15UL),
            InitFrom = options.InitFrom?.Replace("{cc}", code, StringComparison.Ordinal),
        };
    }

    private static ValidationResult Mean(IEnumerable<ValidationResult> results)
    {
        var all = results.ToList();
        return new ValidationResult(all.Average(r => r.Loss), all.Average(r => r.CharAccuracy), all.Average(r => r.PlateAccuracy));
    }

    private double Progress(long samples, double seconds) =>
        options.Minutes > 0 ? seconds / (options.Minutes * 60) : (double)samples / options.Samples;

    private TimeSpan Remaining(double progress, long samples, double seconds, double rate)
    {
        if (options.Minutes > 0) return TimeSpan.FromSeconds(Math.Max(0, options.Minutes * 60 - seconds));
        return rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, options.Samples - samples) / rate) : TimeSpan.Zero;
    }

    /// <summary>
    /// Every lane's weights and optimiser (first all through temporary names, then moved in), then each lane's state,
    /// then the run's: a run killed in between resumes from the checkpoint before, whose state still points there.
    /// </summary>
    private void Checkpoint(List<Lane> lanes, CheckpointState joint, double seconds)
    {
        foreach (var lane in lanes)
        {
            lane.Net.save(lane.Run.Weights + ".tmp");
            lane.Optimizer.save_state_dict(lane.Run.Optimizer + ".tmp");
            lane.Average?.Save(lane.Run.Average + ".tmp");
        }
        foreach (var lane in lanes)
        {
            File.Move(lane.Run.Weights + ".tmp", lane.Run.Weights, overwrite: true);
            File.Move(lane.Run.Optimizer + ".tmp", lane.Run.Optimizer, overwrite: true);
            if (lane.Average is not null) File.Move(lane.Run.Average + ".tmp", lane.Run.Average, overwrite: true);
            lane.Run.SaveState(new CheckpointState(lane.Step, lane.Samples, seconds, lane.Validation?.CharAccuracy ?? 0,
                lane.Validation?.PlateAccuracy ?? 0, lane.Net.Spec));
        }
        if (lanes.Count > 1) run.SaveState(joint);
    }

    /// <summary>
    /// Copies every parameter and buffer whose name and shape match from another run's checkpoint or an exported
    /// model (typically another country: the convolutions carry over, a head with another alphabet starts fresh).
    /// The attention head's column positions are resampled when the network pools the plate to more or fewer columns.
    /// </summary>
    private static void InitFrom(PlateNet net, string source)
    {
        using var other = LoadSource(source);
        var theirs = other.state_dict();
        using var _ = no_grad();
        var copied = 0;
        foreach (var (name, mine) in net.state_dict())
        {
            if (!theirs.TryGetValue(name, out var t)) continue;
            if (t.shape.SequenceEqual(mine.shape)) mine.copy_(t);
            else if (AttentionHead.IsColumnTable(name, t, mine))
            {
                using var stretched = AttentionHead.Resampled(t, mine.shape[0]);
                mine.copy_(stretched);
            }
            else continue;
            copied++;
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
