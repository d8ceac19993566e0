namespace DeepPlate.Training.Tests.Training;

/// <summary>Options of a training run small enough for a test: seconds, a network of width 4, a handful of plates.</summary>
internal static class TinyRuns
{
    public static TrainOptions Options(string dir, string country, string name, long samples = 128) => new()
    {
        Country = country,
        Out = Path.Combine(dir, name),
        Samples = samples,
        BatchSize = 32,
        NetworkWidth = 4,
        ValidationSamples = 16,
        CalibrationSamples = 16,
        ValidateEvery = 64,
        CheckpointEvery = 64,
        Precision = TrainOptions.Float32,
    };
}
