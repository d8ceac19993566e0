using System.Numerics;
using BenchmarkDotNet.Attributes;
using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Synth;

namespace DeepPlate.Benchmarks;

/// <summary>
/// The whole synthesis pipeline on one core: render a plate into its scene, degrade it, and rectify the clicked
/// corners to a 32x128 network input. Goal: 3,000 plates per second per core or more, i.e. a mean under 333 µs per
/// plate (the reported time is per plate: OperationsPerInvoke). <see cref="Render"/> and <see cref="Rectify"/> time
/// two of its parts on the same samples, so the table shows what dominates (the degradations are the rest).
/// </summary>
[MemoryDiagnoser]
public class SynthesisBenchmark
{
    private const int Plates = 200;

    /// <summary>
    /// Plates generated before timing. The renderer caches each state name and slogan outline per lettering face
    /// (about 1,470 US outlines, 99 % of them met within 20,000 plates, each a few ms to build): a training worker
    /// makes millions of plates with one generator, so what feeds training is the warm generator. A cold US generator
    /// spends about 13 % of its first 3,000 plates building outlines (profiled 2026-12-07).
    /// </summary>
    private const int WarmUp = 20_000;
    private readonly float[] input = new float[32 * 128];
    private readonly List<(GreyImage Scene, Vector2[] Clicked)> scenes = [];
    private PlateGenerator generator = null!;
    private long next;

    [Params("de", "uk", "us")]
    public string Country { get; set; } = "de";

    /// <summary>"plain" (the evaluation grid's generator) or "default" (what training draws: synth/appearance.jsonc).</summary>
    [Params("plain", "default")]
    public string Appearance { get; set; } = "default";

    [GlobalSetup]
    public void Setup()
    {
        generator = new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default, AppearanceSpec.Resolve(Appearance));
        for (var i = 0; i < WarmUp; i++)
        {
            using var plate = generator.Generate(Country, null, seed: 3, index: i);
        }
        for (var i = 0; i < Plates; i++)
        {
            var plate = generator.Generate(Country, null, seed: 2, index: i);
            scenes.Add((plate.Scene, plate.Clicked));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (scene, _) in scenes) scene.Dispose();
        generator.Dispose();
    }

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

    /// <summary>The scene alone: every degradation step off (no blur, light, noise or JPEG).</summary>
    [Benchmark(OperationsPerInvoke = Plates)]
    public float Render()
    {
        var sum = 0f;
        for (var i = 0; i < Plates; i++)
        {
            using var plate = generator.Generate(Country, null, seed: 1, index: next++, fix: Clean);
            sum += plate.Scene.Pixels[0];
        }
        return sum;
    }

    /// <summary>The rectification alone, on degraded scenes made beforehand.</summary>
    [Benchmark(OperationsPerInvoke = Plates)]
    public float Rectify()
    {
        var sum = 0f;
        foreach (var (scene, clicked) in scenes)
        {
            Rectifier.Rectify(scene.Pixels, scene.Width, scene.Height, clicked, input, 128, 32);
            sum += input[0];
        }
        return sum;
    }

    private static Degradations Clean(Degradations d) => d with
    {
        BlurSigmaPx = 0, MotionLengthPx = 0, Brightness = 0, Contrast = 1, Gamma = 1, UnevenLight = 0, SnrDb = null, JpegQuality = null,
    };
}
