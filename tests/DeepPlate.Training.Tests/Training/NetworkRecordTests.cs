using System.Text.Json.Nodes;
using DeepPlate.Formats;
using DeepPlate.Inference;
using static TorchSharp.torch;

namespace DeepPlate.Training.Tests.Training;

/// <summary>
/// A network is rebuilt from its records (network.json, checkpoint.json, the model's metadata), so a network other
/// than the standard one is resumed, exported, imported and continued without any command being told its shape, and
/// runs and models older than the records are still read as the standard network they are.
/// </summary>
public sealed class NetworkRecordTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-network-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "de.onnx");

    // Other channels, 5 x 5 and 1 x 1 kernels, and a fifth pooling (32 x 128 down to 1 x 4).
    private static NetworkSpec Odd(string country)
    {
        var alphabet = ModelAlphabet.For(FormatRegistry.Default.Country(country));
        return new NetworkSpec(32, 128,
            [new ConvBlock(6), new Pool(2, 2), new ConvBlock(8, Kernel: 5), new Pool(2, 2), new Pool(2, 2), new ConvBlock(12), new Pool(2, 2), new Pool(2, 2), new ConvBlock(4, Kernel: 1)],
            0.1, alphabet.Slots, alphabet.Classes);
    }

    [Fact]
    public void A_network_of_its_own_is_resumed_exported_imported_and_continued_from_its_records()
    {
        var spec = Odd("nl");
        var file = Path.Combine(dir, "mine.json");
        File.WriteAllText(file, NetworkJson.Write(spec));
        var options = TinyRuns.Options(dir, "nl", "odd", samples: 64) with { Network = file };
        new Trainer(options).Train();
        var run = new RunFolder(options.Out!);
        Assert.Equal(spec, run.LoadNetwork());
        Assert.Equal(spec, run.LoadState().Network);

        // From here on nothing can read the file: every step has only the run's and the model's records.
        File.Delete(file);
        new Trainer(run.LoadOptions() with { Samples = 128 }).Train(resume: true);
        Assert.Equal(128, run.LoadState().Samples);
        Assert.Equal(spec, run.LoadState().Network);

        var model = Path.Combine(dir, "odd.onnx");
        var (info, _) = ModelExport.Export(run, model);
        Assert.Equal(spec, OnnxImporter.Spec(model));
        Assert.Contains($"network {spec.Describe()}, {spec.ParameterCount()} parameters", info.Training);
        using (var read = new PlateModel(model, threads: 1)) Assert.Equal(info, read.Info);

        // The imported model computes what the checkpoint does.
        using (var checkpoint = ModelExport.LoadCheckpoint(run))
        using (var imported = OnnxImporter.Load(model))
        using (no_grad())
        {
            checkpoint.eval();
            imported.eval();
            Assert.Equal(spec, imported.Spec);
            using var x = randn(3, 1, 32, 128);
            using var expected = checkpoint.forward(x);
            using var actual = imported.forward(x);
            var worst = (expected - actual).abs().max().item<float>();
            Assert.True(worst < 1e-4f, $"imported logits differ by {worst}");
        }

        // Continuing the model or the run, for another country or the same, trains the same network.
        var uk = TinyRuns.Options(dir, "uk", "uk-from-model", samples: 32) with { InitFrom = model };
        new Trainer(uk).Train();
        Assert.Equal(Odd("uk"), new RunFolder(uk.Out!).LoadNetwork());
        var nl = TinyRuns.Options(dir, "nl", "nl-from-run", samples: 32) with { InitFrom = run.Path };
        new Trainer(nl).Train();
        Assert.Equal(spec, new RunFolder(nl.Out!).LoadNetwork());
    }

    [Fact]
    public void A_network_with_finer_pools_keeps_the_convolutions_it_starts_from_and_stretches_its_column_positions()
    {
        var coarse = TinyRuns.Options(dir, "se", "coarse", samples: 32) with { Head = "attention", NetworkWidth = 16 };
        new Trainer(coarse).Train();
        var from = new RunFolder(coarse.Out!);
        var spec = from.LoadNetwork()!;
        // The third 2 x 2 pooling keeps the columns instead: 32 of them reach the head instead of 16.
        var third = spec.Layers.Select((l, i) => (l, i)).Where(x => x.l is Pool).ElementAt(2).i;
        var finer = spec with { Layers = [.. spec.Layers.Select((l, i) => i == third ? new Pool(2, 1) : l)] };
        Assert.Equal((16, 32), (spec.FeatureShape().Width, finer.FeatureShape().Width));
        var file = Path.Combine(dir, "finer.json");
        File.WriteAllText(file, NetworkJson.Write(finer));

        var options = TinyRuns.Options(dir, "se", "finer", samples: 32) with { Network = file, InitFrom = from.Path, LearningRate = 1e-9 };
        new Trainer(options).Train();
        using var before = ModelExport.LoadCheckpoint(from);
        using var after = ModelExport.LoadCheckpoint(new RunFolder(options.Out!));
        var theirs = before.state_dict();
        var mine = after.state_dict();
        using var conv = (mine["body.conv4.weight"] - theirs["body.conv4.weight"]).abs().max();
        Assert.True(conv.item<float>() < 1e-5f, $"a convolution moved by {conv.item<float>()}");

        // Linear resampling over the same plate: the outer columns keep theirs, every new one lies between its two
        // old neighbours (the ends of the plate stay where they were; nothing starts from noise).
        var old = theirs["head.columns"];
        var stretched = mine["head.columns"];
        Assert.Equal([32L, old.shape[1]], stretched.shape);
        using var first = (stretched[0] - old[0]).abs().max();
        using var last = (stretched[31] - old[15]).abs().max();
        Assert.True(first.item<float>() < 1e-4f && last.item<float>() < 1e-4f, $"the outer columns moved by {first.item<float>()}, {last.item<float>()}");
        for (var k = 0; k < 15; k++)
        {
            using var low = minimum(old[k], old[k + 1]) - 1e-4f;
            using var high = maximum(old[k], old[k + 1]) + 1e-4f;
            foreach (var j in (int[])[2 * k + 1, 2 * k + 2])
            {
                using var inside = (stretched[j] >= low).logical_and(stretched[j] <= high).all();
                Assert.True(inside.item<bool>(), $"new column {j} lies outside old columns {k} and {k + 1}");
            }
        }
    }

    [Fact]
    public void A_model_without_a_record_is_read_as_the_standard_network_of_its_width()
    {
        var alphabet = ModelAlphabet.For(FormatRegistry.Default.Country("de"));
        using (var plain = new PlateModel(Fixture, threads: 1))
        {
            Assert.Equal(NetworkSpec.Standard(32, 128, plain.Info.Slots, plain.Info.Classes, width: 4), OnnxImporter.Spec(Fixture));
        }

        // Started from it, a run trains its network (width 4), whatever --network-width says.
        var options = TinyRuns.Options(dir, "de", "from-fixture", samples: 32) with { InitFrom = Fixture, NetworkWidth = 8 };
        new Trainer(options).Train();
        Assert.Equal(NetworkSpec.Standard(32, 128, alphabet.Slots, alphabet.Classes, width: 4), new RunFolder(options.Out!).LoadNetwork());
    }

    [Fact]
    public void A_run_from_nothing_trains_the_standard_convolutions_with_the_attention_head()
    {
        var options = TinyRuns.Options(dir, "se", "fresh");
        var alphabet = ModelAlphabet.For(FormatRegistry.Default.Country("se"));
        var run = new RunFolder(options.Out!);
        Assert.Equal(RunNetwork.Standard(options, alphabet) with { Head = HeadKind.Attention }, RunNetwork.Choose(options, run, resume: false, source: null));
        Assert.Equal(RunNetwork.Standard(options, alphabet), RunNetwork.Choose(options with { Head = "slots" }, run, resume: false, source: null));
    }

    [Fact]
    public void Another_head_keeps_the_convolutions_of_the_model_it_starts_from()
    {
        var alphabet = ModelAlphabet.For(FormatRegistry.Default.Country("de"));
        var options = TinyRuns.Options(dir, "de", "attention", samples: 32) with { InitFrom = Fixture, Head = "attention", LearningRate = 1e-9 };
        new Trainer(options).Train();
        var run = new RunFolder(options.Out!);
        var expected = NetworkSpec.Standard(32, 128, alphabet.Slots, alphabet.Classes, width: 4) with { Head = HeadKind.Attention };
        Assert.Equal(expected, run.LoadNetwork());

        // One step at a vanishing learning rate: the first convolution is still the fixture's.
        using var trained = ModelExport.LoadCheckpoint(run);
        using var source = OnnxImporter.Load(Fixture);
        using var mine = trained.state_dict()["body.conv0.weight"];
        using var theirs = source.state_dict()["body.conv0.weight"];
        var worst = (mine - theirs).abs().max().item<float>();
        Assert.True(worst < 1e-5f, $"the first convolution moved by {worst}");

        // A resumed run keeps its recorded head whatever --head now says.
        new Trainer(run.LoadOptions() with { Samples = 64, Head = "slots" }).Train(resume: true);
        Assert.Equal(expected, RunNetwork.Recorded(run));
    }

    [Fact]
    public void The_shipped_models_are_read_as_the_network_they_record_or_else_the_standard_one()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "models"), "*.onnx"))
        {
            using var shipped = new PlateModel(file, threads: 1);
            var spec = OnnxImporter.Spec(file);
            if (!OnnxMetadata(file).Contains(ModelInfo.NetworkKey))
                Assert.Equal(NetworkSpec.Standard(32, 128, shipped.Info.Slots, shipped.Info.Classes), spec);
            using var imported = OnnxImporter.Load(file);
            Assert.Equal(spec.ParameterCount(), imported.ParameterCount());
        }
    }

    private static IReadOnlyCollection<string> OnnxMetadata(string file)
    {
        using var stream = File.OpenRead(file);
        return [.. DeepPlate.Training.Onnx.Proto.ModelProto.Parser.ParseFrom(stream).MetadataProps.Select(p => p.Key)];
    }

    [Fact]
    public void A_run_without_records_is_resumed_and_exported_as_the_standard_network_of_its_options()
    {
        // Runs before the records all had the slots head.
        var options = TinyRuns.Options(dir, "nl", "old", samples: 64) with { Head = "slots" };
        new Trainer(options).Train();
        var run = new RunFolder(options.Out!);
        File.Delete(run.Network);
        var state = JsonNode.Parse(File.ReadAllText(run.State))!.AsObject();
        state.Remove("Network");
        File.WriteAllText(run.State, state.ToJsonString());
        Assert.Null(run.LoadState().Network);

        var standard = RunNetwork.Standard(options, ModelAlphabet.For(FormatRegistry.Default.Country("nl")));
        Assert.Equal(standard, RunNetwork.Recorded(run));
        new Trainer(options with { Samples = 96 }).Train(resume: true);
        Assert.Equal(96, run.LoadState().Samples);
        Assert.Equal(standard, run.LoadNetwork());
        ModelExport.Export(run, run.Model);
        Assert.Equal(standard, OnnxImporter.Spec(run.Model));
    }

    [Fact]
    public void A_network_that_does_not_fit_the_country_or_the_input_is_refused_before_training()
    {
        var file = Path.Combine(dir, "de.json");
        File.WriteAllText(file, NetworkJson.Write(Odd("de")));
        var uk = ModelAlphabet.For(FormatRegistry.Default.Country("uk"));
        var e = Assert.Throws<ArgumentException>(() => new Trainer(TinyRuns.Options(dir, "uk", "wrong-head") with { Network = file }).Train());
        Assert.Contains($"{file} ends in {Odd("de").Slots} slots x {Odd("de").Classes} classes; uk needs {uk.Slots} x {uk.Classes}", e.Message);

        e = Assert.Throws<ArgumentException>(() => new Trainer(TinyRuns.Options(dir, "de", "wrong-input") with { Network = file, InputHeight = 48 }).Train());
        Assert.Contains("reads 32x128 plates, not 48x128: give --input-height 32 --input-width 128", e.Message);
        Assert.False(Directory.Exists(Path.Combine(dir, "wrong-head")));
    }

    [Fact]
    public void The_model_records_the_hashes_of_the_data_specs_its_run_drew_from()
    {
        var options = TinyRuns.Options(dir, "se", "hashes", samples: 32) with { Appearance = "plain" };
        new Trainer(options).Train();
        var run = new RunFolder(options.Out!);
        var (info, _) = ModelExport.Export(run, run.Model);
        Assert.Equal(RunFolder.Sha256(DeepPlate.Synth.DegradationSpec.Default.File), info.DegradationsSha256);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("plain\n"u8)), info.AppearanceSha256);
        using var read = new PlateModel(run.Model, threads: 1);
        Assert.Equal(info.DegradationsSha256, read.Info.DegradationsSha256);
        Assert.Equal(info.AppearanceSha256, read.Info.AppearanceSha256);
    }
}
