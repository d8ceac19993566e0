using System.Numerics;
using BenchmarkDotNet.Attributes;
using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Synth;
using DeepPlate.Training;

namespace DeepPlate.Benchmarks;

/// <summary>
/// Reading one plate with a full-size network (the standard spec, width 32, with either head, exported untrained: the same graph and
/// cost as a trained one) on one ONNX Runtime thread. Goals:
/// <list type="bullet">
/// <item><see cref="PreprocessOnnxRank"/> (crop + grey + shared rectifier, the model, the positions and the top-60
/// ranking) at most 1.2x <see cref="BareOnnx"/> (the model alone on a ready input): see the Ratio column;</item>
/// <item><see cref="RankTop60"/> under 100 µs.</item>
/// </list>
/// <see cref="Read"/> is everything <c>deepplate read</c> does after decoding, the valid ranking with its registry
/// checks and likely formats included.
/// </summary>
[MemoryDiagnoser]
public class ReadingBenchmark
{
    private string folder = null!;
    private ModelCatalog catalog = null!;
    private PlateReader reader = null!;
    private PlateModel model = null!;
    private ReadRequest request = null!;
    private Vector2[] corners = null!;
    private float[] input = null!;
    private float[] output = null!;
    private readonly int[] plates = new int[PlateReader.Candidates * 16];
    private readonly double[] scores = new double[PlateReader.Candidates];

    [Params("de", "us")]
    public string Country { get; set; } = "de";

    /// <summary>The network's head: "slots" (the models shipped before the attention head) or "attention" (the default since).</summary>
    [Params("slots", "attention")]
    public string Head { get; set; } = "attention";

    [GlobalSetup]
    public void Setup()
    {
        TorchSetup.Ensure(); // the model is built with TorchSharp, as training builds it
        var country = FormatRegistry.Default.Country(Country);
        var alphabet = ModelAlphabet.For(country);
        folder = Path.Combine(Path.GetTempPath(), "deepplate-reading-benchmark", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using (var net = new PlateNet(NetworkSpec.Standard(32, 128, alphabet.Slots, alphabet.Classes) with { Head = Enum.Parse<HeadKind>(Head, ignoreCase: true) }))
        {
            net.eval();
            var info = new ModelInfo(country.Code, alphabet.Characters, alphabet.Slots, 32, 128, country.Sha256, 1, 0, 0, "benchmark: untrained");
            OnnxExporter.Export(net, info, Path.Combine(folder, country.Code + ".onnx"));
        }
        catalog = ModelCatalog.Load(folder, FormatRegistry.Default, threads: 1);
        model = catalog.For(Country);
        reader = new PlateReader(catalog, FormatRegistry.Default);

        // A plate 100 px wide in its scene, as a decoded PNG.
        using var generator = new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default);
        using var plate = generator.Generate(Country, null, 5, 0, 0.5, d => d with { WidthPx = 100 });
        using var bitmap = GreyImageIO.ToBitmap(plate.Scene);
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        corners = plate.Corners;
        request = new ReadRequest([new PlateFrame(PlateImage.Decode(png.ToArray()), corners)], Country);

        input = new float[model.InputSize];
        output = new float[model.OutputSize];
        PlatePreprocessing.Rectify(request.Frames[0].Image, corners, input, 128, 32);
        model.Run(input, 1, output);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        catalog.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public float BareOnnx()
    {
        model.Run(input, 1, output);
        return output[0];
    }

    [Benchmark]
    public double PreprocessOnnxRank()
    {
        var info = model.Info;
        PlatePreprocessing.Rectify(request.Frames[0].Image, corners, input, info.InputWidth, info.InputHeight);
        model.Run(input, 1, output);
        var positions = PlateReader.Positions(output, info);
        var found = TopPlates.RankLeftAligned(output, info.Slots, info.Classes, PlateReader.Candidates, plates, scores);
        return scores[found - 1] + positions.Count;
    }

    /// <summary>The preprocessing alone (crop, grey, the shared rectifier): what PreprocessOnnxRank adds, mostly.</summary>
    [Benchmark]
    public float Preprocess()
    {
        PlatePreprocessing.Rectify(request.Frames[0].Image, corners, input, model.Info.InputWidth, model.Info.InputHeight);
        return input[0];
    }

    [Benchmark]
    public double RankTop60()
    {
        var found = TopPlates.RankLeftAligned(output, model.Info.Slots, model.Info.Classes, PlateReader.Candidates, plates, scores);
        return scores[found - 1];
    }

    [Benchmark]
    public int Read() => reader.Read(request).Valid.Plates.Count;
}
