using System.ComponentModel;

namespace DeepPlate.Training;

/// <summary>
/// Every setting of a training run, with its default. The command line exposes each property as a kebab-case option
/// (<c>LearningRate</c> is <c>--learning-rate</c>); the resolved options are printed at start and saved in the run
/// folder as options.json, so a checkpoint always carries the settings that made it.
/// </summary>
public sealed record TrainOptions
{
    [Description("Country code; one model reads every state of a country that has states. Several codes separated by commas train one joint run: the countries take turns batch by batch, share the convolutions and keep their own heads, and each gets its own run folder and model in <out>/<code>.")]
    public string Country { get; init; } = "";

    /// <summary>
    /// In the folder of one country of a joint run: the joint run's countries (its <c>--country</c>), so the folder
    /// says how it was made. Written by the run, never given: not a command-line option.
    /// </summary>
    [Browsable(false)]
    public string? Joint { get; init; }

    /// <summary>The countries of the run: one, or those of a joint run in their order.</summary>
    public IReadOnlyList<string> Countries => Country.Split(',', StringSplitOptions.TrimEntries);

    [Description("Run folder: options, metrics, checkpoint, exported model. Default: runs/<country>.")]
    public string? Out { get; init; }

    [Description("Training length in samples (ignored when --minutes is given).")]
    public long Samples { get; init; } = 1_000_000;

    [Description("Training length in minutes of wall-clock time instead of samples; 0: use --samples.")]
    public double Minutes { get; init; }

    [Description("Samples per optimiser step (64 is as fast per sample as 256 on CPU, with more steps).")]
    public int BatchSize { get; init; } = 64;

    [Description("Peak learning rate of AdamW, reached after the warm-up.")]
    public double LearningRate { get; init; } = 2e-3;

    [Description("Decoupled weight decay of AdamW.")]
    public double WeightDecay { get; init; } = 0.01;

    [Description("Fraction of the run spent warming the learning rate up linearly from 0.")]
    public double Warmup { get; init; } = 0.03;

    [Description("Learning rate at the end of the cosine decay, as a fraction of the peak.")]
    public double FinalLearningRate { get; init; } = 0.02;

    [Description("Gradients are clipped to this global L2 norm (0: no clipping).")]
    public double GradientClip { get; init; } = 5;

    public const string Float32 = "float32";
    public const string BFloat16 = "bfloat16";

    [Description("Arithmetic of the training steps: 'float32'; 'bfloat16' (a bfloat16 copy of the network computes each step, the float32 weights take the updates: Training/BFloat16Shadow.cs; 1.26x the samples per core-hour on a CPU with bfloat16 instructions, training/README.md \"Recipes compared\"); 'auto': bfloat16 where the CPU has them (avx512_bf16, amx_bf16), else float32, decided when the run starts and recorded in its options.")]
    public string Precision { get; init; } = "auto";

    /// <summary>The precision 'auto' gives on this machine: bfloat16 where the CPU has bfloat16 instructions (Linux's
    /// /proc/cpuinfo flags), else float32 (a CPU without them emulates bfloat16 more slowly than float32 runs).</summary>
    public static string HostPrecision { get; } =
        File.Exists("/proc/cpuinfo") && File.ReadLines("/proc/cpuinfo").Any(l => l.StartsWith("flags", StringComparison.Ordinal)
            && l.Split(' ').Any(f => f is "avx512_bf16" or "amx_bf16")) ? BFloat16 : Float32;

    /// <summary>These options with 'auto' precision made concrete for this machine.</summary>
    public TrainOptions WithHostPrecision() => Precision == "auto" ? this with { Precision = HostPrecision } : this;

    [Description("Label smoothing of the cross-entropy: the share of each target spread over the other classes (0: none).")]
    public double LabelSmoothing { get; init; }

    [Description("Weights each plate's loss by how much more often its template (and state) is issued than the appearance's templateTemper draws it, so that the network keeps the issued prior while seeing rare plates more often (training/README.md, \"Recipes compared\"); a country whose format file says \"prior\": \"drawn\" (the US) keeps weight 1.")]
    public bool IssuedPrior { get; init; } = true;

    [Description("The share of training plates with one rectangle of the input replaced by noise, CutOut-style (Training/RandomErasing.cs; 0: none).")]
    public double Erase { get; init; }

    [Description("Keeps an exponential moving average of the weights with this decay (0: none; e.g. 0.999, about the last 1,000 steps), which validation scores and the run saves and exports instead of the last step's weights (Training/WeightAverage.cs).")]
    public double Average { get; init; }

    [Description("Degradation difficulty at the start of the curriculum (0: the spec's easy values, 1: full ranges).")]
    public double CurriculumStart { get; init; } = 0.1;

    [Description("Fraction of the run after which the full degradation ranges are used.")]
    public double CurriculumEnd { get; init; } = 0.5;

    [Description("The camera degradations' ranges of the training plates: 'default' (synth/degradations.jsonc) or a file of that form (e.g. other plate widths, to spend samples where they teach). Validation and calibration keep the default, so runs compare.")]
    public string Degradations { get; init; } = "default";

    /// <summary>The spec <see cref="Degradations"/> names (a file is read at each call).</summary>
    public DeepPlate.Synth.DegradationSpec ResolveDegradations() =>
        Degradations == "default" ? DeepPlate.Synth.DegradationSpec.Default : DeepPlate.Synth.DegradationSpec.Load(Degradations);

    [Description("How much plates vary beyond the camera (framing, colours, light, extra text, easy share): 'default' (synth/appearance.jsonc), 'plain' (the generator before it), or a file.")]
    public string Appearance { get; init; } = "default";

    [Description("Network input height in pixels (the rectified plate).")]
    public int InputHeight { get; init; } = 32;

    [Description("Network input width in pixels.")]
    public int InputWidth { get; init; } = 128;

    [Description("Channels of the first convolution of the standard network; the later ones are multiples of it. Not used with --network or --init-from.")]
    public int NetworkWidth { get; init; } = 32;

    [Description("A network description (JSON, as network.json in a run folder) to train instead of the standard network; its input and head must fit the country and the input size.")]
    public string? Network { get; init; }

    [Description("Head of a new run's network: 'slots' or 'attention' (Model/NetworkSpec.cs); default: that of the --network file or --init-from model, else attention. An --init-from model with another head gives its convolutions only.")]
    public string? Head { get; init; }

    [Description("A folder of <country>/ceiling.json (deepplate ceiling, e.g. docs/ceiling) for --hopeless-keep; copied into the run folder.")]
    public string? Ceilings { get; init; }

    [Description("The share of hopeless training plates kept (1: all): a plate the ideal observer (--ceilings) reads at under twice chance is replaced by another draw otherwise (Training/HopelessPlates.cs).")]
    public double HopelessKeep { get; init; } = 1;

    [Description("Seed of the training sample stream.")]
    public ulong Seed { get; init; } = 1;

    [Description("Seed of the fixed validation set (disjoint from training).")]
    public ulong ValidationSeed { get; init; } = 1_000_001;

    [Description("Plates in the validation set, drawn at full difficulty.")]
    public int ValidationSamples { get; init; } = 2000;

    [Description("Seed of the held-out calibration set (disjoint from training and validation).")]
    public ulong CalibrationSeed { get; init; } = 2_000_001;

    [Description("Plates used to fit the calibration temperature.")]
    public int CalibrationSamples { get; init; } = 4000;

    [Description("Validate (and log a metrics row) every this many samples.")]
    public long ValidateEvery { get; init; } = 25_000;

    [Description("Save a checkpoint every this many samples.")]
    public long CheckpointEvery { get; init; } = 25_000;

    [Description("Threads generating synthetic batches.")]
    public int Workers { get; init; } = 1;

    [Description("Batches the generator may prepare ahead of the trainer.")]
    public int Prefetch { get; init; } = 6;

    [Description("Threads TorchSharp computes with; 0: one per core.")]
    public int Threads { get; init; }

    [Description("Start from the weights of an exported model (.onnx) or a run folder, e.g. another country's, and from its network (unless --network is given); layers of another shape start fresh. In a joint run, {cc} in it stands for each country's code (each head from its own model; the shared convolutions from the first country's).")]
    public string? InitFrom { get; init; }

    /// <summary>The threads TorchSharp and the fixed-set generators use.</summary>
    public int ComputeThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>The run folder actually used.</summary>
    public string RunFolder => Out ?? Path.Combine("runs", Country);

    /// <exception cref="ArgumentException">A value is out of range; the message names the option.</exception>
    public void Validate()
    {
        static void Check(bool ok, string message)
        {
            if (!ok) throw new ArgumentException(message);
        }
        Check(Country.Length > 0, "--country is required");
        Check(Countries.All(c => c.Length > 0), "--country: an empty code in the list");
        Check(Countries.Distinct().Count() == Countries.Count, "--country names a country twice");
        Check(Samples > 0, "--samples must be positive");
        Check(Minutes >= 0, "--minutes must not be negative");
        Check(BatchSize is >= 2 and <= 4096, "--batch-size must be 2-4096 (batch normalisation needs two samples)");
        Check(LearningRate > 0, "--learning-rate must be positive");
        Check(WeightDecay >= 0, "--weight-decay must not be negative");
        Check(Warmup is >= 0 and < 1, "--warmup must be in [0, 1)");
        Check(FinalLearningRate is >= 0 and <= 1, "--final-learning-rate must be in [0, 1]");
        Check(GradientClip >= 0, "--gradient-clip must not be negative");
        Check(LabelSmoothing is >= 0 and < 1, "--label-smoothing must be in [0, 1)");
        Check(Precision is "auto" or Float32 or BFloat16, "--precision must be 'auto', 'float32' or 'bfloat16'");
        Check(Degradations == "default" || File.Exists(Degradations), $"--degradations: there is no file {Degradations}");
        Check(Erase is >= 0 and <= 1, "--erase must be in [0, 1]");
        Check(Average is >= 0 and < 1, "--average must be in [0, 1)");
        Check(CurriculumStart is >= 0 and <= 1, "--curriculum-start must be in [0, 1]");
        Check(CurriculumEnd is > 0 and <= 1, "--curriculum-end must be in (0, 1]");
        Check(InputHeight % 16 == 0 && InputHeight >= 16, "--input-height must be a multiple of 16");
        Check(InputWidth % 8 == 0 && InputWidth >= 8, "--input-width must be a multiple of 8");
        Check(NetworkWidth is >= 4 and <= 256, "--network-width must be 4-256");
        Check(ValidationSamples >= 2, "--validation-samples must be at least 2");
        Check(CalibrationSamples >= 2, "--calibration-samples must be at least 2");
        Check(ValidateEvery > 0, "--validate-every must be positive");
        Check(CheckpointEvery > 0, "--checkpoint-every must be positive");
        Check(Head is null or "slots" or "attention", "--head must be 'slots' or 'attention'");
        Check(HopelessKeep is >= 0 and <= 1, "--hopeless-keep must be in [0, 1]");
        Check(HopelessKeep >= 1 || Ceilings is not null, "--hopeless-keep needs --ceilings (the ideal observer's cells)");
        Check(Workers is >= 1 and <= 64, "--workers must be 1-64");
        Check(Prefetch >= 1, "--prefetch must be at least 1");
        Check(Threads >= 0, "--threads must not be negative");
        Check(Seed != ValidationSeed && Seed != CalibrationSeed && ValidationSeed != CalibrationSeed,
            "training, validation and calibration need three different seeds");
    }
}
