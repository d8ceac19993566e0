using DeepPlate.Synth;
using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Training;
using static TorchSharp.torch;

namespace DeepPlate.Training.Tests.Training;

/// <summary>Tiny real trainings: the network can learn, a run writes its folder, resumes, exports and seeds another.</summary>
public sealed class TrainerTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-train-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private TrainOptions Tiny(string country, string name, long samples = 128) => TinyRuns.Options(dir, country, name, samples);

    [Fact]
    public void CanOverfitOneBatch()
    {
        random.manual_seed(1);
        const int count = 16;
        var (inputs, labels) = PlateSampler.FixedSet("de", 32, 128, seed: 42, count, difficulty: 0, threads: 2);
        var alphabet = ModelAlphabet.For(FormatRegistry.Default.Country("de"));
        using var net = new PlateNet(NetworkSpec.Standard(32, 128, alphabet.Slots, alphabet.Classes, width: 16));
        using var optimizer = optim.AdamW(net.parameters(), 3e-3);
        var before = Validation.Evaluate(net, inputs, labels, count);
        net.train();
        for (var step = 0; step < 150; step++)
        {
            using var scope = NewDisposeScope();
            var logits = net.forward(tensor(inputs, [count, 1, 32, 128])).view(-1, alphabet.Classes);
            var loss = nn.functional.cross_entropy(logits, tensor(labels, [labels.Length]));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        var after = Validation.Evaluate(net, inputs, labels, count);
        Assert.True(before.PlateAccuracy < 0.5);
        Assert.Equal(1.0, after.PlateAccuracy);
        Assert.True(after.Loss < before.Loss / 10, $"loss {before.Loss} -> {after.Loss}");
    }

    [Fact]
    public void RunWritesItsFolderResumesAndExportsAReadableModel()
    {
        var options = Tiny("nl", "nl");
        new Trainer(options).Train();
        var run = new RunFolder(options.Out!);
        Assert.Equal(options, run.LoadOptions());
        Assert.Equal(128, run.LoadState().Samples);
        var metrics = File.ReadAllLines(run.Metrics);
        Assert.Equal(3, metrics.Length); // header + validations at 64 and 128

        // Resuming with a longer run continues from sample 128 on the same stream.
        new Trainer(options with { Samples = 192 }).Train(resume: true);
        Assert.Equal(192, run.LoadState().Samples);
        Assert.Equal(6, run.LoadState().Step);
        Assert.Equal(4, File.ReadAllLines(run.Metrics).Length);

        var (info, calibration) = ModelExport.Export(run, run.Model);
        using var model = new PlateModel(run.Model, threads: 1);
        Assert.Equal(info, model.Info);
        Assert.Equal("nl", model.Info.Country);
        Assert.Equal(FormatRegistry.Default.Country("nl").Sha256, model.Info.FormatsSha256);
        Assert.Equal(ModelAlphabet.For(FormatRegistry.Default.Country("nl")).Characters, model.Info.Alphabet);
        Assert.True(calibration.Temperature > 0);

        // The exported model reads what the checkpoint reads.
        var (inputs, _) = PlateSampler.FixedSet("nl", 32, 128, seed: 77, 4, difficulty: 0.5, threads: 1);
        var probs = new float[4 * model.OutputSize];
        model.Run(inputs, 4, probs);
        for (var i = 0; i < 4 * model.Info.Slots; i++)
        {
            var sum = 0f;
            for (var c = 0; c < model.Info.Classes; c++) sum += probs[i * model.Info.Classes + c];
            Assert.Equal(1f, sum, 3);
        }
    }

    [Fact]
    public void A_bfloat16_run_records_its_precision_resumes_with_it_and_exports_a_float32_model()
    {
        var options = Tiny("nl", "nl-bf16", samples: 64) with { Precision = TrainOptions.BFloat16 };
        new Trainer(options).Train();
        var run = new RunFolder(options.Out!);
        Assert.Equal(TrainOptions.BFloat16, run.LoadOptions().Precision);
        new Trainer(options with { Samples = 128 }).Train(resume: true);
        Assert.Equal(128, run.LoadState().Samples);
        var (info, _) = ModelExport.Export(run, run.Model);
        using var model = new PlateModel(run.Model, threads: 1);
        var (inputs, _) = PlateSampler.FixedSet("nl", 32, 128, seed: 77, 2, difficulty: 0.5, threads: 1);
        var probs = new float[2 * model.OutputSize];
        model.Run(inputs, 2, probs);
        Assert.All(probs, p => Assert.True(float.IsFinite(p)));
        Assert.Equal("nl", info.Country);
        Assert.Throws<ArgumentException>(() => (options with { Precision = "float16" }).Validate());

        // 'auto' is decided when the run starts and recorded; a run recorded before the option existed was float32.
        var auto = Tiny("nl", "nl-auto", samples: 32) with { Precision = "auto" };
        new Trainer(auto).Train();
        Assert.Equal(TrainOptions.HostPrecision, new RunFolder(auto.Out!).LoadOptions().Precision);
        var old = new RunFolder(auto.Out!);
        File.WriteAllLines(old.Options, File.ReadAllLines(old.Options).Where(l => !l.Contains("\"Precision\"", StringComparison.Ordinal)));
        Assert.Equal("float32", old.LoadOptions().Precision);
    }

    [Fact]
    public void A_run_given_its_own_degradations_trains_on_them_and_keeps_a_copy()
    {
        var spec = File.ReadAllText(DegradationSpec.Default.File)
            .Replace("\"widthPx\": { \"distribution\": \"log-uniform\", \"min\": 10, \"max\": 200, \"easy\": 100 }",
                "\"widthPx\": { \"distribution\": \"log-uniform\", \"min\": 14, \"max\": 120, \"easy\": 100 }");
        Assert.NotEqual(File.ReadAllText(DegradationSpec.Default.File), spec);
        var file = Path.Combine(dir, "narrow.jsonc");
        File.WriteAllText(file, spec);
        var options = Tiny("nl", "nl-narrow", samples: 64) with { Degradations = file };
        Assert.Equal(120, options.ResolveDegradations().WidthPx.Max);
        new Trainer(options).Train();
        var run = new RunFolder(options.Out!);
        Assert.Equal(spec, File.ReadAllText(run.Degradations));
        Assert.Equal(file, run.LoadOptions().Degradations);

        var missing = Assert.Throws<ArgumentException>(() => (options with { Degradations = Path.Combine(dir, "nothing.jsonc") }).Validate());
        Assert.Contains("--degradations: there is no file", missing.Message);
    }

    [Fact]
    public void InitFromAnotherCountryCarriesTheConvolutionsOver()
    {
        var de = Tiny("de", "de", samples: 64);
        new Trainer(de).Train();
        var uk = Tiny("uk", "uk", samples: 64) with { InitFrom = de.Out };
        new Trainer(uk).Train();
        Assert.True(new RunFolder(uk.Out!).HasCheckpoint);

        // An exported model seeds a run as well.
        ModelExport.Export(new RunFolder(de.Out!), Path.Combine(dir, "de.onnx"));
        var fr = Tiny("fr", "fr", samples: 64) with { InitFrom = Path.Combine(dir, "de.onnx") };
        new Trainer(fr).Train();
        Assert.True(new RunFolder(fr.Out!).HasCheckpoint);

        var noCheckpoint = Tiny("uk", "uk2", samples: 64) with { InitFrom = Path.Combine(dir, "nothing") };
        Assert.Throws<FileNotFoundException>(() => new Trainer(noCheckpoint).Train());
    }

    [Fact]
    public void BatchStreamIsTheSameWhateverTheNumberOfWorkers()
    {
        float[] Stream(int workers)
        {
            using var source = new BatchSource("it", 32, 128, batchSize: 4, seed: 3, firstBatch: 5, workers, prefetch: 4, _ => 0.5);
            var all = new List<float>();
            for (var b = 0; b < 3; b++)
            {
                var batch = source.Take();
                Assert.Equal(5 + b, batch.Number);
                all.AddRange(batch.Inputs);
                source.Return(batch);
            }
            return [.. all];
        }
        Assert.Equal(Stream(1), Stream(3));
    }
}
