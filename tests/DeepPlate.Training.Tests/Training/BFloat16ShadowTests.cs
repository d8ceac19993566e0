using DeepPlate.Formats;
using DeepPlate.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepPlate.Training.Tests.Training;

/// <summary>Mixed precision by hand (--precision bfloat16): the float32 network takes a step much as it would alone.</summary>
[Collection(nameof(TrainingStepTests))]
public sealed class BFloat16ShadowTests
{
    private static readonly ModelAlphabet Alphabet = ModelAlphabet.For(FormatRegistry.Default.Country("fr"));

    private static PlateBatch Batch()
    {
        const int count = 8;
        var (inputs, labels) = PlateSampler.FixedSet("fr", 32, 128, seed: 9, count, difficulty: 0, threads: 1);
        var batch = new PlateBatch(count, 32 * 128, Alphabet.Slots) { Count = count };
        inputs.CopyTo(batch.Inputs, 0);
        labels.CopyTo(batch.Labels, 0);
        Array.Fill(batch.Weights, 1f);
        return batch;
    }

    private static PlateNet Net()
    {
        random.manual_seed(5);
        // Width 16: every convolution's input channels a multiple of 16 (training/README.md "Optimiser").
        var net = new PlateNet(NetworkSpec.Standard(32, 128, Alphabet.Slots, Alphabet.Classes, width: 16) with { Head = HeadKind.Attention });
        net.train();
        return net;
    }

    [Fact]
    public void A_batch_norm_converted_to_bfloat16_computes_in_it_and_one_kept_in_float32_takes_bfloat16_input()
    {
        using var norm = new PlateBatchNorm(3);
        norm.to(ScalarType.BFloat16);
        Assert.All(norm.state_dict().Where(kv => kv.Key != "num_batches_tracked"), kv => Assert.Equal(ScalarType.BFloat16, kv.Value.dtype));
        using var x = randn(2, 3, 4, 4).to_type(ScalarType.BFloat16);
        using (var y = norm.forward(x)) Assert.Equal(ScalarType.BFloat16, y.dtype);

        norm.to(ScalarType.Float32);
        using var z = norm.forward(x);
        Assert.Equal(ScalarType.BFloat16, z.dtype);
        Assert.Equal(ScalarType.Float32, norm.state_dict()["running_mean"].dtype);
        Assert.True(norm.state_dict()["running_mean"].abs().sum().item<float>() > 0, "the float32 statistics were updated");
    }

    [Fact]
    public void A_bfloat16_step_moves_the_float32_weights_as_a_float32_step_does()
    {
        using var reference = Net();
        using var mixed = Net();
        using var referenceOptimizer = optim.AdamW(reference.parameters(), 1e-3);
        using var mixedOptimizer = optim.AdamW(mixed.parameters(), 1e-3);
        using var shadow = new BFloat16Shadow(mixed);
        var before = mixed.parameters().Select(p => p.detach().clone()).ToList();

        random.manual_seed(1);
        var lossFloat = TrainingStep.Run(reference, referenceOptimizer, Batch(), gradientClip: 5);
        random.manual_seed(1);
        var lossMixed = TrainingStep.Run(mixed, mixedOptimizer, Batch(), gradientClip: 5, shadow: shadow);

        Assert.True(float.IsFinite(lossFloat) && float.IsFinite(lossMixed), $"losses {lossFloat}, {lossMixed}");
        Assert.Equal(lossFloat, lossMixed, 0.05 * lossFloat);
        Assert.All(mixed.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
        // Every weight the float32 step moved, the mixed step moved the same way (AdamW's first step is about the
        // learning rate times the gradient's sign, so a sign that bfloat16 flipped would show).
        var agree = 0L;
        var moved = 0L;
        foreach (var ((r, m), b) in reference.parameters().Zip(mixed.parameters()).Zip(before))
        {
            using var stepFloat = r.detach() - b;
            using var stepMixed = m.detach() - b;
            using var both = stepFloat.abs() > 1e-4f;
            moved += both.sum().item<long>();
            using var same = (stepFloat * stepMixed > 0).logical_and(both);
            agree += same.sum().item<long>();
        }
        Assert.True(moved > 1000, $"only {moved} weights moved");
        Assert.True(agree > 0.9 * moved, $"{agree} of {moved} weights moved the same way");
        // The batch statistics went back to the float32 network.
        var statistics = mixed.state_dict().Where(kv => kv.Key.EndsWith("running_mean", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(statistics);
        Assert.All(statistics, kv => Assert.True(kv.Value.abs().sum().item<float>() > 0, kv.Key));
    }
}
