using DeepPlate.Formats;
using DeepPlate.Synth;
using DeepPlate.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepPlate.Training.Tests.Training;

/// <summary>The step's loss weighted by how much more often a plate's template is issued than drawn (--issued-prior).</summary>
/// <remarks>Run alone, after the other classes: they compare losses to a few decimals, and the torch random state and
/// threads are shared by the classes of the assembly.</remarks>
[Collection(nameof(TrainingStepTests))]
public sealed class TrainingStepTests
{
    private const int Count = 4;
    private static readonly ModelAlphabet Alphabet = ModelAlphabet.For(FormatRegistry.Default.Country("fr"));

    private static PlateBatch Batch(params float[] weights)
    {
        var (inputs, labels) = PlateSampler.FixedSet("fr", 32, 128, seed: 9, Count, difficulty: 0, threads: 1);
        var batch = new PlateBatch(Count, 32 * 128, Alphabet.Slots) { Count = weights.Length };
        inputs.AsSpan(0, weights.Length * 32 * 128).CopyTo(batch.Inputs);
        labels.AsSpan(0, weights.Length * Alphabet.Slots).CopyTo(batch.Labels);
        weights.CopyTo(batch.Weights, 0);
        return batch;
    }

    private static (PlateNet Net, AdamW Optimizer) Net()
    {
        random.manual_seed(5);
        // Width 16: every convolution's input channels a multiple of 16 (training/README.md "Optimiser").
        var net = new PlateNet(NetworkSpec.Standard(32, 128, Alphabet.Slots, Alphabet.Classes, width: 16));
        // Batch statistics and dropout off: each plate's logits do not depend on the others in its batch.
        net.eval();
        return (net, optim.AdamW(net.parameters(), 1e-3));
    }

    /// <summary>Runs a step, again when libtorch's convolution gave a non-finite value in it (training/README.md
    /// "Optimiser": seen in networks whose channels are not multiples of 16, kept as insurance): a skipped step leaves
    /// the network and its optimiser as they were, so the step run again is the same step. At most three tries.</summary>
    private static float Step(PlateNet net, AdamW optimizer, PlateBatch batch, double gradientClip, bool weighted = false)
    {
        var loss = float.NaN;
        for (var attempt = 0; attempt < 3 && !float.IsFinite(loss); attempt++)
            loss = TrainingStep.Run(net, optimizer, batch, gradientClip, weighted: weighted);
        return loss;
    }

    [Fact]
    public void Weights_of_one_give_the_unweighted_loss()
    {
        var (a, optimizerA) = Net();
        var (b, optimizerB) = Net();
        using (a) using (b) using (optimizerA) using (optimizerB)
        {
            var plain = Step(a, optimizerA, Batch(1, 1, 1, 1), gradientClip: 5);
            var weighted = Step(b, optimizerB, Batch(1, 1, 1, 1), gradientClip: 5, weighted: true);
            Assert.Equal(plain, weighted, 5);
        }
    }

    [Fact]
    public void A_plate_counts_by_its_weight_over_the_batch()
    {
        var (net, optimizer) = Net();
        using (net) using (optimizer)
        {
            var alone = Step(net, optimizer, Batch(1), gradientClip: 0);
            var (fresh, freshOptimizer) = Net();
            using (fresh) using (freshOptimizer)
            {
                // Plate 0 weighs 2.5 and the others nothing: the loss is 2.5 / 4 of plate 0's own (a mean over the batch).
                var weighted = Step(fresh, freshOptimizer, Batch(2.5f, 0, 0, 0), gradientClip: 0, weighted: true);
                Assert.Equal(2.5 / Count * alone, weighted, 4);
                Assert.True(alone > 0.1, $"the untrained network's loss {alone} shows nothing");
            }
        }
    }

    [Fact]
    public void A_step_that_is_not_finite_is_skipped_and_leaves_the_weights_as_they_were()
    {
        var (net, optimizer) = Net();
        using (net) using (optimizer)
        {
            var before = net.parameters().Select(p => p.clone()).ToList();
            var batch = Batch(1, 1, 1, 1);
            batch.Inputs[5] = float.NaN;
            Assert.True(float.IsNaN(TrainingStep.Run(net, optimizer, batch, gradientClip: 5)));
            foreach (var (p, q) in net.parameters().Zip(before)) Assert.True(p.allclose(q, rtol: 0, atol: 0));
            // The next, finite batch is a step as usual.
            Assert.True(float.IsFinite(Step(net, optimizer, Batch(1, 1, 1, 1), gradientClip: 5)));
            Assert.Contains(net.parameters().Zip(before), pq => !pq.First.allclose(pq.Second, rtol: 0, atol: 0));
        }
    }

    [Fact]
    public void Tempered_streams_carry_their_weights_and_plain_ones_weigh_one()
    {
        float[] Weights(string country, AppearanceSpec appearance)
        {
            using var source = new BatchSource(country, 32, 128, batchSize: 32, seed: 3, firstBatch: 0, workers: 1, prefetch: 1, _ => 0, appearance);
            var batch = source.Take();
            return batch.Weights[..batch.Count];
        }
        Assert.All(Weights("fr", AppearanceSpec.Plain), w => Assert.Equal(1, w));
        var tempered = Weights("fr", AppearanceSpec.Plain with { TemplateTemper = 0.5 });
        Assert.All(tempered, w => Assert.True(w > 0));
        // Rare templates (old FNI plates) weigh under 1, common ones over 1.
        Assert.Contains(tempered, w => w < 0.9);
        Assert.Contains(tempered, w => w > 1.1);
        // The US format file teaches the drawn prior: its plates weigh 1 however they are drawn.
        Assert.All(Weights("us", AppearanceSpec.Plain with { TemplateTemper = 0.5 }), w => Assert.Equal(1, w));
    }
}

[CollectionDefinition(nameof(TrainingStepTests), DisableParallelization = true)]
public sealed class TrainingStepCollection;
