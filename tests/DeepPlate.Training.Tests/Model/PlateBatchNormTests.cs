using DeepPlate.Training;
using static TorchSharp.torch;

namespace DeepPlate.Training.Tests.Model;

public sealed class PlateBatchNormTests
{
    [Fact]
    public void BehavesLikeTorchSharpsBatchNorm2dInTrainingAndEvaluation()
    {
        random.manual_seed(3);
        using var mine = new PlateBatchNorm(5);
        using var theirs = nn.BatchNorm2d(5);
        using (no_grad())
        {
            using var w = randn(5);
            using var b = randn(5);
            foreach (var m in new nn.Module[] { mine, theirs })
            {
                m.get_parameter("weight")!.copy_(w);
                m.get_parameter("bias")!.copy_(b);
            }
        }

        mine.train();
        theirs.train();
        for (var step = 0; step < 4; step++)
        {
            using var x = randn(8, 5, 3, 4) * (step + 1) + step;
            using var a = mine.forward(x);
            using var e = theirs.forward(x);
            Assert.True(allclose(a, e, rtol: 1e-5, atol: 1e-6), $"training output differs at step {step}");
        }
        foreach (var name in new[] { "running_mean", "running_var", "num_batches_tracked" })
        {
            var a = mine.state_dict()[name];
            var e = theirs.state_dict()[name];
            Assert.Equal(e.dtype, a.dtype);
            Assert.True(allclose(a.to_type(ScalarType.Float64), e.to_type(ScalarType.Float64), rtol: 1e-5, atol: 1e-6), name);
        }
        Assert.Equal(4L, mine.state_dict()["num_batches_tracked"].item<long>());

        mine.eval();
        theirs.eval();
        using var y = randn(2, 5, 3, 4);
        using var ya = mine.forward(y);
        using var ye = theirs.forward(y);
        Assert.True(allclose(ya, ye, rtol: 1e-5, atol: 1e-6), "evaluation output differs");
    }

    [Fact]
    public void KeepsTheStateNamesOfBatchNorm2dSoCheckpointsAndTheExporterStillMatch()
    {
        using var mine = new PlateBatchNorm(3);
        using var theirs = nn.BatchNorm2d(3);
        Assert.Equal(theirs.state_dict().Keys.Order(), mine.state_dict().Keys.Order());
    }
}
