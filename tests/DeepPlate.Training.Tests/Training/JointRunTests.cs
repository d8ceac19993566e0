using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Training;
using static TorchSharp.torch;

namespace DeepPlate.Training.Tests.Training;

/// <summary>Joint runs (<c>--country nl,it</c>): one trunk trained by several countries in turn, a folder and a model
/// per country, resumable, and each country's folder a run of its own.</summary>
public sealed class JointRunTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-joint-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private TrainOptions Joint(long samples = 256) => TinyRuns.Options(dir, "nl,it", "joint", samples);

    private static Dictionary<string, float[]> Weights(RunFolder run)
    {
        using var net = ModelExport.LoadCheckpoint(run);
        return net.state_dict().Where(p => p.Value.dtype == ScalarType.Float32).ToDictionary(p => p.Key, p => p.Value.cpu().data<float>().ToArray());
    }

    [Fact]
    public void Countries_take_turns_share_the_convolutions_and_keep_their_heads()
    {
        var options = Joint();
        var trainer = new Trainer(options);
        trainer.Train();
        var (nl, it) = (new RunFolder(Path.Combine(options.Out!, "nl")), new RunFolder(Path.Combine(options.Out!, "it")));
        Assert.Equal([nl, it], trainer.ModelRuns);

        // The run's own state counts every batch; each country's, its half.
        var run = new RunFolder(options.Out!);
        Assert.Equal(options, run.LoadOptions());
        Assert.Equal((8L, 256L), (run.LoadState().Step, run.LoadState().Samples));
        Assert.Equal((4L, 128L), (nl.LoadState().Step, nl.LoadState().Samples));
        Assert.Equal((4L, 128L), (it.LoadState().Step, it.LoadState().Samples));

        // Each country's folder records its country, the joint run, and its own sample stream.
        var (o1, o2) = (nl.LoadOptions(), it.LoadOptions());
        Assert.Equal(("nl", "nl,it", options.Seed), (o1.Country, o1.Joint, o1.Seed));
        Assert.Equal(("it", "nl,it"), (o2.Country, o2.Joint));
        Assert.NotEqual(o1.Seed, o2.Seed);

        var (a, b) = (Weights(nl), Weights(it));
        var trunk = a.Keys.Where(k => k.StartsWith("body.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(trunk);
        Assert.All(trunk, k => Assert.Equal(a[k], b[k]));
        // The heads are each country's own: the Italian head reads 10 slots of 37 classes, the Dutch 6 of 33.
        Assert.NotEqual(a["head.classify.weight"].Length, b["head.classify.weight"].Length);
        Assert.NotEqual(a["head.query.weight"], b["head.query.weight"]);

        // Export gives each country a model that reads as its country.
        foreach (var (folder, code) in new[] { (nl, "nl"), (it, "it") })
        {
            ModelExport.Export(folder, folder.Model);
            using var model = new PlateModel(folder.Model, threads: 1);
            Assert.Equal(code, model.Info.Country);
            Assert.Equal(ModelAlphabet.For(FormatRegistry.Default.Country(code)).Slots, model.Info.Slots);
        }
    }

    [Fact]
    public void A_joint_run_resumes_where_it_stopped_and_its_countries_continue_alone()
    {
        var options = Joint();
        new Trainer(options).Train();
        new Trainer(options with { Samples = 384 }).Train(resume: true);
        var run = new RunFolder(options.Out!);
        Assert.Equal((12L, 384L), (run.LoadState().Step, run.LoadState().Samples));
        var nl = new RunFolder(Path.Combine(options.Out!, "nl"));
        Assert.Equal(192L, nl.LoadState().Samples);
        // Validations at 64, 128, ... 384 samples of the run: six rows after the header.
        Assert.Equal(7, File.ReadAllLines(nl.Metrics).Length);

        // A country's folder is a run of its own: it resumes alone, and it seeds another run.
        var alone = nl.LoadOptions();
        new Trainer(alone with { Samples = 256 }).Train(resume: true);
        Assert.Equal(256L, nl.LoadState().Samples);
        var next = TinyRuns.Options(dir, "nl", "next", 64) with { InitFrom = nl.Path };
        new Trainer(next).Train();
        Assert.True(new RunFolder(next.Out!).HasCheckpoint);
    }

    [Fact]
    public void Each_country_can_start_from_its_own_model()
    {
        var nlStart = TinyRuns.Options(dir, "nl", "start-nl", 64);
        var itStart = TinyRuns.Options(dir, "it", "start-it", 64) with { Seed = 9 };
        new Trainer(nlStart).Train();
        new Trainer(itStart).Train();
        var options = Joint(samples: 64) with { InitFrom = Path.Combine(dir, "start-{cc}") };
        new Trainer(options).Train();
        var it = new RunFolder(Path.Combine(options.Out!, "it"));
        Assert.Equal(Path.Combine(dir, "start-it"), it.LoadOptions().InitFrom);
        using var joint = new PlateModel(Export(it), threads: 1);
        Assert.Equal("it", joint.Info.Country);
    }

    private static string Export(RunFolder run)
    {
        ModelExport.Export(run, run.Model);
        return run.Model;
    }

    [Theory]
    [InlineData("nl,nl", "twice")]
    [InlineData("nl,", "an empty code")]
    [InlineData("", "required")]
    public void A_country_list_is_checked(string countries, string message)
    {
        var options = TinyRuns.Options("unused", countries, "x");
        var e = Assert.Throws<ArgumentException>(() => options.Validate());
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void An_unknown_country_in_the_list_is_refused_before_training()
    {
        var options = TinyRuns.Options(dir, "nl,xx", "bad");
        Assert.Throws<UnknownCountryException>(() => new Trainer(options).Train());
        Assert.False(File.Exists(new RunFolder(options.Out!).State));
    }
}
