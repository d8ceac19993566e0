namespace DeepPlate.Synth.Tests.Degradation;

public sealed class JpegCompressionTests
{
    /// <summary>A plate-like scene with some texture, values 0.1..0.9 (JPEG's rounding to 8 bits stays visible).</summary>
    private static GreyImage Scene()
    {
        using var texture = TestScenes.Texture(120, 40, seed: 21, lo: -0.05f, hi: 0.05f);
        var image = TestScenes.Plate(0.2f, 0.8f, 0.45f, 120, 40);
        var p = image.Pixels;
        var t = texture.Pixels;
        for (var i = 0; i < p.Length; i++) p[i] += t[i];
        return image;
    }

    [Fact]
    public void Quality_5_destroys_detail_and_quality_95_keeps_it()
    {
        using var original = Scene();
        using var low = original.Clone();
        using var high = original.Clone();
        new JpegCompression(5).Apply(low);
        new JpegCompression(95).Apply(high);

        var lowError = TestScenes.MeanAbsDifference(original, low);
        var highError = TestScenes.MeanAbsDifference(original, high);
        Assert.True(lowError > 0.04, $"Q5 mean error {lowError}");
        Assert.True(highError < 0.015, $"Q95 mean error {highError}");
        Assert.True(TestScenes.MaxAbsDifference(original, high) < 0.1);
        Assert.True(lowError > 4 * highError);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(95)]
    public void A_round_trip_is_deterministic_and_8_bit(int quality)
    {
        using var a = Scene();
        using var b = Scene();
        new JpegCompression(quality).Apply(a);
        new JpegCompression(quality).Apply(b);
        Assert.Equal(TestScenes.Bytes(a), TestScenes.Bytes(b));
        foreach (var p in a.Pixels)
        {
            Assert.InRange(p, 0f, 1f);
            Assert.Equal(Math.Round(p * 255), p * 255, 1e-3);
        }
    }

    [Fact]
    public void Odd_sizes_round_trip()
    {
        // Neither side a multiple of the 8x8 block, and the small end of the scene sizes.
        using var image = TestScenes.Texture(13, 5, seed: 2, lo: 0.3f, hi: 0.7f);
        var mean = TestScenes.Mean(image);
        new JpegCompression(50).Apply(image);
        Assert.InRange(TestScenes.Mean(image), mean - 0.05, mean + 0.05);
    }

    [Fact]
    public void Quality_100_keeps_8_bit_values_within_a_code_or_two()
    {
        using var image = Scene();
        image.Clamp();
        using var original = image.Clone();
        new JpegCompression(100).Apply(image);
        Assert.True(TestScenes.MaxAbsDifference(original, image) < 3.0 / 255);
    }

    [Theory]
    [InlineData(100.2f / 255, 100)]
    [InlineData(100.7f / 255, 101)]
    [InlineData(1.7f, 255)]
    [InlineData(-0.4f, 0)]
    public void Values_are_clamped_and_rounded_to_the_nearest_8_bit_code(float value, int code)
    {
        // A flat image survives JPEG exactly, so what comes back is the 8-bit code it was rounded to. 37x9: whole
        // vectors and a scalar tail, which must agree.
        using var image = new GreyImage(37, 9);
        image.Pixels.Fill(value);
        new JpegCompression(90).Apply(image);
        foreach (var p in image.Pixels) Assert.Equal(code / 255f, p);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Qualities_outside_1_to_100_are_refused(int quality)
    {
        using var image = new GreyImage(8, 8);
        Assert.Throws<ArgumentOutOfRangeException>(() => new JpegCompression(quality).Apply(image));
    }
}
