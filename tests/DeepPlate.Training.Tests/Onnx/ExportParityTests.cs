using DeepPlate.Inference;
using DeepPlate.Training;
using static TorchSharp.torch;

namespace DeepPlate.Training.Tests.Onnx;

public sealed class ExportParityTests
{
    [Theory]
    [InlineData(HeadKind.Slots, 1)]
    [InlineData(HeadKind.Attention, 1)]
    [InlineData(HeadKind.Attention, 3)]
    public void OnnxRuntimeReadsWhatTorchSharpComputes(HeadKind head, int headLayers)
    {
        // Width 16: every convolution's input channels a multiple of 16 (training/README.md "Optimiser").
        var spec = NetworkSpec.Standard(32, 128, slots: 9, classes: 37, width: 16) with { Head = head, HeadLayers = headLayers };
        const double temperature = 1.7;
        const int count = 8;
        // libtorch's forward pass of networks of width 8 came out NaN now and then (training/README.md "Optimiser":
        // channels that are not multiples of 16); kept as insurance, a NaN reference is drawn again, at most twice, so
        // that what is compared is the export, never a NaN against a NaN.
        (PlateNet Net, Tensor Inputs, float[] Expected) Reference(int seed)
        {
            random.manual_seed(seed);
            var net = new PlateNet(spec);
            Unzero(net);
            // A few training-mode passes give the batch-norm layers running statistics other than 0 and 1, so folding
            // them into the convolutions is really tested.
            net.train();
            for (var i = 0; i < 3; i++)
            {
                using var warm = randn(16, 1, 32, 128) * 2 + 0.5;
                using var _ = net.forward(warm);
            }
            net.eval();
            var inputs = randn(count, 1, 32, 128);
            using var __ = no_grad();
            using var logits = net.forward(inputs);
            using var scaled = logits / temperature;
            using var probs = nn.functional.softmax(scaled, -1);
            return (net, inputs, probs.data<float>().ToArray());
        }
        var drawn = Reference(7);
        for (var attempt = 1; attempt < 3 && drawn.Expected.Any(float.IsNaN); attempt++)
        {
            drawn.Net.Dispose();
            drawn.Inputs.Dispose();
            drawn = Reference(7 + attempt);
        }
        var expected = drawn.Expected;
        Assert.DoesNotContain(expected, float.IsNaN);
        using var reference = drawn.Net;
        using var x = drawn.Inputs;

        var path = Path.Combine(Path.GetTempPath(), $"deepplate-parity-{Guid.NewGuid():N}.onnx");
        try
        {
            var info = new ModelInfo("de", new string('A', 36), 9, 32, 128, "hash", temperature, 0.1, 0.05, "test");
            OnnxExporter.Export(reference, info, path);
            using var model = new PlateModel(path, threads: 1);
            Assert.Equal(info, model.Info);

            var actual = new float[count * model.OutputSize];
            model.Run(x.data<float>().ToArray(), count, actual);
            var worst = 0f;
            for (var i = 0; i < expected.Length; i++) worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
            // ONNX Runtime's kernels sum in another order than libtorch's, and how far that moves the probabilities
            // depends on the CPU: up to 2.3e-4 on the session-10 machine (AVX-512) for the attention head, at the commit
            // whose CI had passed under 1e-4. A wrong weight, fold or layer moves them by far more.
            Assert.True(worst <= 1e-3f, $"ONNX Runtime differs from TorchSharp by {worst}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(HeadKind.Slots, 1)]
    [InlineData(HeadKind.Attention, 1)]
    [InlineData(HeadKind.Attention, 2)]
    public void ImportedModelComputesWhatTheExportedOneDid(HeadKind head, int headLayers)
    {
        random.manual_seed(11);
        var spec = NetworkSpec.Standard(32, 128, slots: 8, classes: 39, width: 16) with { Head = head, HeadLayers = headLayers };
        using var net = new PlateNet(spec);
        Unzero(net);
        net.train();
        using (var warm = randn(8, 1, 32, 128) * 3 - 1)
        using (net.forward(warm))
        {
        }
        net.eval();
        var path = Path.Combine(Path.GetTempPath(), $"deepplate-import-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxExporter.Export(net, new ModelInfo("de", new string('A', 38), 8, 32, 128, "hash", 2.5, 0, 0, "test"), path);
            using var imported = OnnxImporter.Load(path);
            Assert.Equal(spec, imported.Spec);
            imported.eval();
            using var _ = no_grad();
            using var x = randn(4, 1, 32, 128);
            using var expected = net.forward(x);
            using var actual = imported.forward(x);
            var worst = (expected - actual).abs().max().item<float>();
            Assert.True(worst < 1e-4f, $"imported logits differ by {worst}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_imported_model_trains_from_the_function_it_had_once_its_batch_statistics_are_matched()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "de.onnx");
        using var net = OnnxImporter.Load(path);
        random.manual_seed(5);
        using var x = randn(64, 1, 32, 128);
        using var _ = no_grad();
        float before;

        net.eval();
        using var expected = net.forward(x);
        // A training-mode pass moves the running statistics: measured on a second copy.
        using (var unmatched = OnnxImporter.Load(path))
        {
            TrainingModeWithoutDropout(unmatched);
            using var folded = unmatched.forward(x);
            before = (folded - expected).abs().max().item<float>();
        }

        net.MatchBatchStatistics(x);
        net.eval();
        using var kept = net.forward(x);
        var evalChange = (kept - expected).abs().max().item<float>();
        TrainingModeWithoutDropout(net);
        using var matched = net.forward(x);
        var after = (matched - expected).abs().max().item<float>();

        Assert.True(evalChange < 1e-3f, $"eval mode changed by {evalChange}");
        Assert.True(after < 1e-2f, $"training mode differs from eval mode by {after} after matching");
        Assert.True(before > 100 * after, $"training mode differed by only {before} before matching (after: {after})");
    }

    // Batch norm in training mode, dropout (random by design) off.
    private static void TrainingModeWithoutDropout(PlateNet net)
    {
        net.train();
        foreach (var module in net.modules())
            if (module is TorchSharp.Modules.Dropout dropout) dropout.eval();
    }

    [Fact]
    public void ImportRejectsFilesThatAreNotModels()
    {
        var path = Path.Combine(Path.GetTempPath(), $"deepplate-import-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(path, "not a model at all");
        try
        {
            Assert.Throws<InvalidDataException>(() => OnnxImporter.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ExportRefusesInfoOfAnotherShape()
    {
        using var net = new PlateNet(NetworkSpec.Standard(32, 128, slots: 9, classes: 37, width: 8));
        var info = new ModelInfo("de", new string('A', 30), 9, 32, 128, "hash", 1, 0, 0, "test");
        Assert.Throws<ArgumentException>(() => OnnxExporter.Build(net, info));
    }

    // A further attention layer starts as the identity (its mix at zero), which would leave its other weights out
    // of what the comparisons test.
    private static void Unzero(PlateNet net)
    {
        using var _ = no_grad();
        foreach (var (name, parameter) in net.named_parameters())
            if (name.Contains(".deeper.", StringComparison.Ordinal) && name.EndsWith("mix.weight", StringComparison.Ordinal)) parameter.normal_(0, 0.1);
    }
}
