using DeepPlate.Formats;
using DeepPlate.Training;
using static TorchSharp.torch;

namespace DeepPlate.Training.Tests.Training;

/// <summary>The moving average of the weights (--average): the arithmetic of one update, the swap, and a run that
/// keeps, resumes and exports it.</summary>
public sealed class WeightAverageTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-average-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static PlateNet Net()
    {
        random.manual_seed(3);
        var alphabet = ModelAlphabet.For(FormatRegistry.Default.Country("nl"));
        return new PlateNet(NetworkSpec.Standard(32, 128, alphabet.Slots, alphabet.Classes, width: 16));
    }

    private static float[] Values(PlateNet net) =>
        [.. net.parameters().SelectMany(p => p.detach().flatten().data<float>().ToArray())];

    [Fact]
    public void An_update_moves_the_average_a_share_of_the_way_and_a_swap_shows_it()
    {
        using var net = Net();
        using var average = new WeightAverage(net, 0.9);
        var start = Values(net);
        using (no_grad()) foreach (var p in net.parameters()) p.add_(1.0);
        var moved = Values(net);

        // The first steps follow the live weights closely: d = (1 + 0) / (10 + 0) at step 0, at most the decay later.
        Assert.Equal(0.1, average.DecayAt(0), 12);
        Assert.Equal(0.9, average.DecayAt(1000), 12);
        average.Update(1000);
        Assert.Equal(moved, Values(net));
        average.Swap();
        var averaged = Values(net);
        for (var i = 0; i < start.Length; i += 97) Assert.Equal(0.9f * start[i] + 0.1f * moved[i], averaged[i], 4);
        average.Swap();
        Assert.Equal(moved, Values(net));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WeightAverage(net, 1));
    }

    [Fact]
    public void A_run_with_an_average_saves_it_resumes_it_and_exports_it_instead_of_the_last_weights()
    {
        var options = TinyRuns.Options(dir, "nl", "avg", samples: 128) with { Average = 0.9 };
        new Trainer(options).Train();
        var run = new RunFolder(options.Out!);
        Assert.True(File.Exists(run.Average));
        new Trainer(options with { Samples = 192 }).Train(resume: true);
        Assert.Equal(192, run.LoadState().Samples);

        using var exported = ModelExport.LoadCheckpoint(run);
        using var last = new PlateNet(RunNetwork.Recorded(run));
        last.load(run.Weights);
        using var averaged = new PlateNet(RunNetwork.Recorded(run));
        averaged.load(run.Average);
        Assert.Equal(Values(averaged), Values(exported));
        Assert.NotEqual(Values(last), Values(exported));
        Assert.Throws<ArgumentException>(() => (options with { Average = 1 }).Validate());
    }
}
