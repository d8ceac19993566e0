namespace DeepPlate.Inference.Tests.Reading;

public sealed class FrameFusionTests
{
    [Fact]
    public void OneFrameIsReturnedAsItIs()
    {
        float[] p = [0.7f, 0.2f, 0.1f, 0f, 0.5f, 0.5f];
        var fused = new float[6];
        FrameFusion.Fuse(p, 1, 2, 3, fused);
        Assert.Equal(p, fused);
    }

    [Fact]
    public void IdenticalFramesFuseToTheSameDistribution()
    {
        float[] p = [0.7f, 0.2f, 0.1f, 0.25f, 0.5f, 0.25f];
        var fused = new float[6];
        FrameFusion.Fuse([.. p, .. p, .. p], 3, 2, 3, fused);
        for (var i = 0; i < 6; i++) Assert.Equal(p[i], fused[i], 1e-6f);
    }

    [Fact]
    public void AgreementWinsAndOneFramesZeroVetoesNothingAlone()
    {
        // Slot of three classes. Frames 1 and 2 favour class 0; frame 3 is sure it is class 1 and gives class 0 a hard 0.
        float[] frames = [0.6f, 0.3f, 0.1f, /* 2 */ 0.6f, 0.3f, 0.1f, /* 3 */ 0f, 0.9f, 0.1f];
        var fused = new float[3];
        FrameFusion.Fuse(frames, 3, 1, 3, fused);
        Assert.Equal(1.0, fused.Sum(), 5);
        Assert.True(fused[0] > 0, "a single frame's zero is floored, not a veto");
        // The frame that rules class 0 out outweighs two moderate votes for it, but its certainty is pulled down.
        Assert.True(fused[1] > fused[0]);
        Assert.True(fused[1] < 0.9f);
    }

    /// <summary>
    /// The reason to fuse, shown on a simulated reader: each frame sees the true class through independent noise
    /// (logit of the true class + signal, every logit + N(0, 1)). Five fused frames find the true class far more
    /// often than one.
    /// </summary>
    [Fact]
    public void FiveNoisyFramesReadBetterThanOne()
    {
        const int classes = 10, slots = 2000, frames = 5;
        const double signal = 1.2;
        var random = new Random(5);
        var truth = new int[slots];
        var p = new float[frames * slots * classes];
        for (var s = 0; s < slots; s++)
        {
            truth[s] = random.Next(classes);
            for (var f = 0; f < frames; f++)
            {
                var row = p.AsSpan((f * slots + s) * classes, classes);
                var sum = 0.0;
                for (var c = 0; c < classes; c++)
                {
                    var logit = (c == truth[s] ? signal : 0) + Gaussian(random);
                    row[c] = (float)Math.Exp(logit);
                    sum += row[c];
                }
                for (var c = 0; c < classes; c++) row[c] = (float)(row[c] / sum);
            }
        }
        var fused = new float[slots * classes];
        FrameFusion.Fuse(p, frames, slots, classes, fused);
        var single = Accuracy(p.AsSpan(0, slots * classes), truth, classes);
        var five = Accuracy(fused, truth, classes);
        Assert.True(five > single + 0.2, $"one frame {single:P1}, five fused {five:P1}");
    }

    private static double Accuracy(ReadOnlySpan<float> p, int[] truth, int classes)
    {
        var right = 0;
        for (var s = 0; s < truth.Length; s++)
        {
            var row = p.Slice(s * classes, classes);
            var best = 0;
            for (var c = 1; c < classes; c++) if (row[c] > row[best]) best = c;
            if (best == truth[s]) right++;
        }
        return (double)right / truth.Length;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
