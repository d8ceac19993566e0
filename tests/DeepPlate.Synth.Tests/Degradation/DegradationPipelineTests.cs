using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Degradation;

public sealed class DegradationPipelineTests
{
    /// <summary>Every step on: blur, motion, light, noise, JPEG.</summary>
    private static readonly Degradations Everything = Degradations.Clean(140) with
    {
        BlurSigmaPx = 0.8,
        MotionLengthPx = 2.5,
        MotionAngleDeg = 20,
        Brightness = 0.05,
        Contrast = 0.8,
        Gamma = 1.2,
        UnevenLight = 0.3,
        UnevenLightAngleDeg = 200,
        SnrDb = 5,
        JpegQuality = 30,
    };

    [Theory]
    [InlineData(10.0)]
    [InlineData(20.0)]
    public void Through_the_pipeline_noise_has_the_requested_snr_on_the_blurred_and_lit_plate(double snrDb)
    {
        // Low-contrast bars and mild light keep every value well inside (0, 1), so the clamp does nothing and the
        // noise can be measured as noisy - clean. No JPEG: it comes after the noise and would add its own error.
        var d = Everything with { SnrDb = snrDb, JpegQuality = null };
        using var clean = TestScenes.Plate(0.4f, 0.6f);
        using var noisy = TestScenes.Plate(0.4f, 0.6f);
        var r1 = DeterministicRandom.For(3, 1);
        var r2 = DeterministicRandom.For(3, 1);

        var none = DegradationPipeline.Apply(clean, d with { SnrDb = null }, TestScenes.PlateCorners, ref r1);
        var outcome = DegradationPipeline.Apply(noisy, d, TestScenes.PlateCorners, ref r2);

        foreach (var p in noisy.Pixels) Assert.InRange(p, 0.001f, 0.999f);
        Assert.Equal(0, none.NoiseSigma);
        Assert.Equal(snrDb, outcome.SnrDb, 1e-9);
        var measured = TestScenes.MeasuredSnrDb(clean, noisy, TestScenes.PlateCorners);
        Assert.InRange(measured, snrDb - 0.5, snrDb + 0.5);
        // The variance the SNR refers to is the blurred and lit plate's.
        Assert.Equal(TestScenes.Variance(TestScenes.PlateValues(clean, TestScenes.PlateCorners)), outcome.PlateVariance, 1e-6);
    }

    [Fact]
    public void The_plate_is_measured_after_blur_and_light_not_as_rendered()
    {
        using var image = TestScenes.Plate();
        var rendered = TestScenes.Variance(TestScenes.PlateValues(image, TestScenes.PlateCorners));
        using var blurredOnly = image.Clone();
        new GaussianBlur(2).Apply(blurredOnly);
        new Lighting(0, 0.5, 1, 0, 0).Apply(blurredOnly);
        var expected = TestScenes.Variance(TestScenes.PlateValues(blurredOnly, TestScenes.PlateCorners));
        Assert.True(expected < 0.2 * rendered, $"{expected} vs {rendered}");

        var random = DeterministicRandom.For(4, 4);
        var outcome = DegradationPipeline.Apply(image, Degradations.Clean(140) with { BlurSigmaPx = 2, Contrast = 0.5, SnrDb = 10 },
            TestScenes.PlateCorners, ref random);
        Assert.Equal(expected, outcome.PlateVariance, 1e-6);
        Assert.Equal(Math.Sqrt(expected / 10), outcome.NoiseSigma, 1e-6);
    }

    [Fact]
    public void The_same_seed_and_index_give_identical_bytes()
    {
        var a = Run(Everything, 99, 1234);
        var b = Run(Everything, 99, 1234);
        var c = Run(Everything, 99, 1235);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Without_noise_the_stream_does_not_matter()
    {
        var d = Everything with { SnrDb = null };
        Assert.Equal(Run(d, 1, 1), Run(d, 2, 2));
    }

    [Fact]
    public void The_result_is_clamped_and_8_bit_after_jpeg()
    {
        using var image = TestScenes.Plate(0.05f, 0.95f);
        var random = DeterministicRandom.For(1, 1);
        DegradationPipeline.Apply(image, Everything with { SnrDb = -3 }, TestScenes.PlateCorners, ref random);
        foreach (var p in image.Pixels)
        {
            Assert.InRange(p, 0f, 1f);
            Assert.Equal(Math.Round(p * 255), p * 255, 1e-3);
        }
    }

    [Fact]
    public void A_clean_degradation_changes_nothing()
    {
        using var image = TestScenes.Plate();
        var before = TestScenes.Bytes(image);
        var random = DeterministicRandom.For(1, 1);
        var outcome = DegradationPipeline.Apply(image, Degradations.Clean(140), TestScenes.PlateCorners, ref random);
        Assert.Equal(before, TestScenes.Bytes(image));
        Assert.Equal(double.PositiveInfinity, outcome.SnrDb);
    }

    [Fact]
    public void Apply_advances_the_stream_by_one_draw()
    {
        using var image = TestScenes.Plate();
        var random = DeterministicRandom.For(8, 8);
        var expected = DeterministicRandom.For(8, 8);
        expected.NextUInt64();
        DegradationPipeline.Apply(image, Everything, TestScenes.PlateCorners, ref random);
        Assert.Equal(expected.NextUInt64(), random.NextUInt64());
    }

    private static byte[] Run(Degradations d, ulong seed, long index)
    {
        using var image = TestScenes.Plate(0.15f, 0.85f);
        var random = DeterministicRandom.For(seed, index);
        DegradationPipeline.Apply(image, d, TestScenes.PlateCorners, ref random);
        return TestScenes.Bytes(image);
    }
}
