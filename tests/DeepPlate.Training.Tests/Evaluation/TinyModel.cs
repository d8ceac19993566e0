using DeepPlate.Formats;
using DeepPlate.Inference;
using static TorchSharp.torch;

namespace DeepPlate.Training.Tests.Evaluation;

/// <summary>A tiny, randomly initialised model of a country exported by the real exporter: seconds to evaluate.</summary>
internal static class TinyModel
{
    public const double EceBefore = 0.125;
    public const double EceAfter = 0.0375;

    /// <param name="run">The run whose data specs the model records, as <see cref="ModelExport"/> records them.</param>
    public static void Export(string country, string path, int seed = 1, RunFolder? run = null, HeadKind head = HeadKind.Slots)
    {
        var format = FormatRegistry.Default.Country(country);
        var alphabet = ModelAlphabet.For(format);
        random.manual_seed(seed);
        var spec = new NetworkSpec(32, 128, [new ConvBlock(4), new Pool(4, 8)], 0, alphabet.Slots, alphabet.Classes, head);
        using var net = new PlateNet(spec);
        net.eval();
        var info = new ModelInfo(format.Code, alphabet.Characters, alphabet.Slots, 32, 128, format.Sha256, 1.5, EceBefore, EceAfter, "tiny random test model",
            run?.DegradationsSha256, run?.AppearanceSha256);
        OnnxExporter.Export(net, info, path);
    }
}
