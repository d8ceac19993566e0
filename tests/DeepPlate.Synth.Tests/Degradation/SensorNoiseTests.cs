using System.Numerics;
using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Degradation;

/// <summary>The noise has the SNR it was asked for, by the definition in synth/README.md, measured from outside.</summary>
public sealed class SensorNoiseTests
{
    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.0)]
    [InlineData(3.0)]
    [InlineData(7.0)]
    [InlineData(20.0)]
    [InlineData(30.0)]
    public void Noise_has_the_requested_snr_over_the_plate(double snrDb)
    {
        // Dark and light bars on a flat background: the plate's variance (0.0225) is about twice the scene's, so
        // measuring on the wrong region would miss by about 3 dB.
        using var clean = TestScenes.Plate();
        using var noisy = clean.Clone();
        var random = DeterministicRandom.For(42, (long)(snrDb * 10));

        var sigma = new SensorNoise(snrDb).Apply(noisy, TestScenes.PlateCorners, ref random);

        // No clamping happened (Apply does not clamp), so the difference is the noise itself.
        var measured = TestScenes.MeasuredSnrDb(clean, noisy, TestScenes.PlateCorners);
        Assert.InRange(measured, snrDb - 0.5, snrDb + 0.5);
        var plateVariance = TestScenes.Variance(TestScenes.PlateValues(clean, TestScenes.PlateCorners));
        Assert.Equal(Math.Sqrt(plateVariance / Math.Pow(10, snrDb / 10)), sigma, 1e-6);
    }

    [Fact]
    public void Plate_variance_counts_exactly_the_pixels_whose_centres_lie_inside_the_quadrilateral()
    {
        using var scene = TestScenes.Texture(200, 60, seed: 7);
        var expected = TestScenes.Variance(TestScenes.PlateValues(scene, TestScenes.PlateCorners));
        Assert.Equal(expected, SensorNoise.PlateVariance(scene, TestScenes.PlateCorners), 1e-9);

        // The corner order (clockwise or not, starting anywhere) does not matter.
        var c = TestScenes.PlateCorners;
        Vector2[] reversed = [c[3], c[2], c[1], c[0]];
        Vector2[] rotated = [c[2], c[3], c[0], c[1]];
        Assert.Equal(expected, SensorNoise.PlateVariance(scene, reversed), 1e-9);
        Assert.Equal(expected, SensorNoise.PlateVariance(scene, rotated), 1e-9);
    }

    [Fact]
    public void A_plate_partly_outside_the_scene_is_measured_on_its_visible_part()
    {
        using var scene = TestScenes.Texture(50, 20, seed: 9);
        Vector2[] corners = [new(-10.2f, -3.1f), new(30.6f, -2.7f), new(31.3f, 12.4f), new(-9.7f, 11.8f)];
        var expected = TestScenes.Variance(TestScenes.PlateValues(scene, corners));
        Assert.Equal(expected, SensorNoise.PlateVariance(scene, corners), 1e-9);
    }

    [Fact]
    public void Noise_is_zero_mean_gaussian_with_the_requested_sigma()
    {
        using var image = new GreyImage(300, 200);
        var random = new DeterministicRandom(5);
        SensorNoise.AddGaussian(image, 0.1, ref random);
        var values = TestScenes.All(image);
        Assert.InRange(TestScenes.Mean(values), -0.001, 0.001);
        Assert.InRange(Math.Sqrt(TestScenes.Variance(values)), 0.099, 0.101);
        // The shape: the shares within 1 and 2 sigma are those of a normal distribution (68.27 %, 95.45 %).
        int within1 = 0, within2 = 0;
        foreach (var v in values)
        {
            if (Math.Abs(v) < 0.1) within1++;
            if (Math.Abs(v) < 0.2) within2++;
        }
        Assert.InRange(within1 / (double)values.Count, 0.6767, 0.6887);
        Assert.InRange(within2 / (double)values.Count, 0.9520, 0.9570);
    }

    [Fact]
    public void Noise_is_a_pure_function_of_the_stream()
    {
        using var a = TestScenes.Plate();
        using var b = TestScenes.Plate();
        using var c = TestScenes.Plate();
        var ra = DeterministicRandom.For(1, 2);
        var rb = DeterministicRandom.For(1, 2);
        var rc = DeterministicRandom.For(1, 3);
        new SensorNoise(5).Apply(a, TestScenes.PlateCorners, ref ra);
        new SensorNoise(5).Apply(b, TestScenes.PlateCorners, ref rb);
        new SensorNoise(5).Apply(c, TestScenes.PlateCorners, ref rc);
        Assert.Equal(TestScenes.Bytes(a), TestScenes.Bytes(b));
        Assert.NotEqual(TestScenes.Bytes(a), TestScenes.Bytes(c));
    }

    [Fact]
    public void Infinite_snr_adds_nothing()
    {
        using var image = TestScenes.Plate();
        var before = TestScenes.Bytes(image);
        var random = new DeterministicRandom(3);
        Assert.Equal(0, new SensorNoise(double.PositiveInfinity).Apply(image, TestScenes.PlateCorners, ref random));
        Assert.Equal(before, TestScenes.Bytes(image));
    }

    [Fact]
    public void A_plate_needs_four_corners()
    {
        using var image = TestScenes.Plate();
        Assert.Throws<ArgumentException>(() => SensorNoise.PlateVariance(image, TestScenes.PlateCorners.AsSpan(0, 3)));
    }
}
