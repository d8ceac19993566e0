using BenchmarkDotNet.Attributes;
using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Synth;

namespace DeepPlate.Benchmarks;

/// <summary>
/// The whole synthesis pipeline on one core: render a plate into its scene, degrade it, and rectify the clicked
/// corners to a 32x128 network input. Goal: 3,000 plates per second per core or more, i.e. a mean under 333 µs per
/// plate (the reported time is per plate: OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class SynthesisBenchmark
{
    private const int Plates = 200;
    private readonly float[] input = new float[32 * 128];
    private PlateGenerator generator = null!;
    private long next;

    [Params("de", "uk", "us")]
    public string Country { get; set; } = "de";

    [GlobalSetup]
    public void Setup() => generator = new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default);

    [GlobalCleanup]
    public void Cleanup() => generator.Dispose();

    [Benchmark(OperationsPerInvoke = Plates)]
    public float RenderDegradeRectify()
    {
        var sum = 0f;
        for (var i = 0; i < Plates; i++)
        {
            using var plate = generator.Generate(Country, null, seed: 1, index: next++);
            Rectifier.Rectify(plate.Scene.Pixels, plate.Scene.Width, plate.Scene.Height, plate.Clicked, input, 128, 32);
            sum += input[0];
        }
        return sum;
    }
}
