using System.Text.Json;

namespace DeepPlate.Training;

/// <summary>
/// The files of one training run, all in one folder: the resolved options, metrics over time, the checkpoint (model
/// and optimiser state plus where the run stopped) and the exported, calibrated model.
/// </summary>
public sealed record RunFolder(string Path)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Options => System.IO.Path.Combine(Path, "options.json");
    public string Metrics => System.IO.Path.Combine(Path, "metrics.csv");
    public string Weights => System.IO.Path.Combine(Path, "checkpoint.weights");
    public string Optimizer => System.IO.Path.Combine(Path, "checkpoint.optimizer");
    public string State => System.IO.Path.Combine(Path, "checkpoint.json");
    public string Model => System.IO.Path.Combine(Path, "model.onnx");

    public bool HasCheckpoint => File.Exists(Weights) && File.Exists(State);

    public void SaveOptions(TrainOptions options)
    {
        Directory.CreateDirectory(Path);
        File.WriteAllText(Options, JsonSerializer.Serialize(options, Json));
    }

    /// <exception cref="FileNotFoundException">The folder is not a training run.</exception>
    public TrainOptions LoadOptions() =>
        File.Exists(Options)
            ? JsonSerializer.Deserialize<TrainOptions>(File.ReadAllText(Options)) ?? throw new InvalidDataException($"{Options} is empty")
            : throw new FileNotFoundException($"{Path} is not a training run (no options.json)", Options);

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
public sealed record CheckpointState(long Step, long Samples, double Seconds, double ValidationCharAccuracy, double ValidationPlateAccuracy);
