using System.Text.Json;

namespace DeepPlate.Training;

/// <summary>
/// The files of one training run, all in one folder: the resolved options, the network, metrics over time, the
/// checkpoint (model and optimiser state plus where the run stopped and which network it holds) and the exported,
/// calibrated model.
/// </summary>
public sealed record RunFolder(string Path)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Options => System.IO.Path.Combine(Path, "options.json");
    public string Metrics => System.IO.Path.Combine(Path, "metrics.csv");
    public string Weights => System.IO.Path.Combine(Path, "checkpoint.weights");
    public string Optimizer => System.IO.Path.Combine(Path, "checkpoint.optimizer");

    /// <summary>The moving average of the weights (<c>--average</c>) at the checkpoint: what the run exports when it is there.</summary>
    public string Average => System.IO.Path.Combine(Path, "checkpoint.average");
    public string State => System.IO.Path.Combine(Path, "checkpoint.json");
    public string Model => System.IO.Path.Combine(Path, "model.onnx");
    public string Network => System.IO.Path.Combine(Path, "network.json");

    /// <summary>The ideal observer's cells a run with <c>--hopeless-keep</c> filters by (its copy of them).</summary>
    public string Ceiling => System.IO.Path.Combine(Path, "ceiling.json");

    public bool HasCheckpoint => File.Exists(Weights) && File.Exists(State);

    /// <summary>The copies of the data specs the run drew its plates from (the camera's and the appearance's).</summary>
    public string Degradations => System.IO.Path.Combine(Path, "degradations.jsonc");
    public string Appearance => System.IO.Path.Combine(Path, "appearance.jsonc");

    /// <summary>
    /// Copies the degradation spec and the appearance spec the run draws from into its folder, so the run describes
    /// its data as its options describe its settings. A resumed run keeps the copies it started with; the plain
    /// appearance is written as the word "plain".
    /// </summary>
    public void SaveSpecs(string degradationSpecFile, string appearance)
    {
        Directory.CreateDirectory(Path);
        if (!File.Exists(Degradations)) File.Copy(degradationSpecFile, Degradations);
        if (File.Exists(Appearance)) return;
        if (appearance == "plain") File.WriteAllText(Appearance, "plain\n");
        else File.Copy(appearance == "default" ? System.IO.Path.Combine(AppContext.BaseDirectory, Synth.AppearanceSpec.FileName) : appearance, Appearance);
    }

    /// <summary>The SHA-256 of a spec copy, or null when the run has none (runs older than the copies).</summary>
    public static string? Sha256(string file) =>
        File.Exists(file) ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))) : null;

    /// <summary>The SHA-256 of the run's copies of its data specs, or null for runs older than the copies.</summary>
    public string? DegradationsSha256 => Sha256(Degradations);
    public string? AppearanceSha256 => Sha256(Appearance);

    /// <summary>Writes network.json, the network the run trains, so it is read and not re-derived from options.</summary>
    public void SaveNetwork(NetworkSpec spec)
    {
        Directory.CreateDirectory(Path);
        WriteAtomically(Network, NetworkJson.Write(spec));
    }

    /// <summary>The run's network.json, or null for runs older than it.</summary>
    public NetworkSpec? LoadNetwork() => File.Exists(Network) ? NetworkJson.Parse(File.ReadAllText(Network), Network) : null;

    public void SaveOptions(TrainOptions options)
    {
        Directory.CreateDirectory(Path);
        File.WriteAllText(Options, JsonSerializer.Serialize(options, Json));
    }

    /// <exception cref="FileNotFoundException">The folder is not a training run.</exception>
    /// <summary>The run's options; a run recorded before <see cref="TrainOptions.Precision"/> existed trained in float32.</summary>
    public TrainOptions LoadOptions()
    {
        if (!File.Exists(Options)) throw new FileNotFoundException($"{Path} is not a training run (no options.json)", Options);
        using var json = JsonDocument.Parse(File.ReadAllText(Options));
        var options = json.RootElement.Deserialize<TrainOptions>() ?? throw new InvalidDataException($"{Options} is empty");
        return json.RootElement.TryGetProperty(nameof(TrainOptions.Precision), out _) ? options : options with { Precision = TrainOptions.Float32 };
    }

    public void SaveState(CheckpointState state) => WriteAtomically(State, JsonSerializer.Serialize(state, Json));

    public CheckpointState LoadState() =>
        JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(State)) ?? throw new InvalidDataException($"{State} is empty");

    private static void WriteAtomically(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}

/// <summary>Where a run stopped: enough to resume it on the same sample stream and schedule.</summary>
/// <param name="Network">The network whose weights the checkpoint holds; null in checkpoints older than the record.</param>
public sealed record CheckpointState(long Step, long Samples, double Seconds, double ValidationCharAccuracy, double ValidationPlateAccuracy,
    NetworkSpec? Network = null);
