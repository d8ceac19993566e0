using DeepPlate.Training;
using static TorchSharp.torch;

namespace DeepPlate.Training.Tests.Model;

public sealed class ColumnAttentionTests
{
    [Fact]
    public void A_network_given_one_more_attention_layer_reads_as_the_network_it_was_copied_from_and_then_learns()
    {
        // Width 16 keeps libtorch's convolutions finite (training/README.md "Optimiser"); a non-finite draw, should
        // one come, is drawn again, at most twice, so that what is compared is never NaN with NaN.
        for (var seed = 5; ; seed++)
        {
            var (difference, mix) = Continue(seed);
            if ((!float.IsFinite(difference) || !float.IsFinite(mix)) && seed < 7) continue;
            Assert.True(difference < 1e-5f, $"the new layer starts as the identity (logits differ by {difference})");
            Assert.True(mix > 0, "one step trains the new layer's mix");
            return;
        }
    }

    // The largest difference between the two networks' logits, and the new layer's largest mix weight after a step.
    private static (float Difference, float Mix) Continue(int seed)
    {
        random.manual_seed(seed);
        var one = NetworkSpec.Standard(32, 128, slots: 8, classes: 37, width: 16) with { Head = HeadKind.Attention };
        using var before = new PlateNet(one);
        using var after = new PlateNet(one with { HeadLayers = 2 });
        var theirs = before.state_dict();
        var copied = 0;
        using (no_grad())
            foreach (var (name, mine) in after.state_dict())
                if (theirs.TryGetValue(name, out var t))
                {
                    mine.copy_(t);
                    copied++;
                }
        Assert.Equal(theirs.Count, copied);
        Assert.True(after.state_dict().Count > copied, "the further layer has weights of its own");
        before.eval();
        after.eval();
        float difference;
        using (no_grad())
        using (var x = randn(4, 1, 32, 128))
        using (var expected = before.forward(x))
        using (var actual = after.forward(x))
            difference = (expected - actual).abs().max().item<float>();

        after.train();
        using var optimizer = optim.Adam(after.parameters(), 1e-3);
        using (var y = randn(4, 1, 32, 128))
        using (var loss = after.forward(y).square().mean())
            loss.backward();
        optimizer.step();
        var mix = after.named_parameters().Single(p => p.name == "head.deeper.0.mix.weight").parameter;
        return (difference, mix.abs().max().item<float>());
    }
}
