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

    [Fact]
    public void The_round_trip_is_byte_for_byte_what_skias_libjpeg_turbo_encoder_and_decoder_produce()
    {
        // Every quality, sizes from one pixel to several blocks with ragged edges, and content from smooth to
        // saturated noise (which drives coefficients and the decoder's range limit to their extremes).
        var random = new Random(2024);
        var mismatches = new List<string>();
        for (var quality = 1; quality <= 100; quality++)
        {
            var width = random.Next(1, 41);
            var height = random.Next(1, 25);
            var kind = quality % 4;
            var codes = new byte[width * height];
            for (var i = 0; i < codes.Length; i++)
            {
                int x = i % width, y = i / width;
                codes[i] = kind switch
                {
                    0 => (byte)random.Next(256),
                    1 => (byte)((x + y) % 2 == 0 ? 0 : 255),
                    2 => (byte)Math.Clamp(128 + 100 * Math.Sin(x * 0.4) * Math.Cos(y * 0.3) + random.Next(-8, 9), 0, 255),
                    _ => (byte)(x * 255 / Math.Max(1, width - 1)),
                };
            }
            var expected = SkiaJpeg.RoundTrip(codes, width, height, quality);
            using var image = new GreyImage(width, height);
            for (var i = 0; i < codes.Length; i++) image.Pixels[i] = codes[i] / 255f;
            new JpegCompression(quality).Apply(image);
            var actual = TestScenes.Codes(image);
            var differing = 0;
            for (var i = 0; i < codes.Length; i++) if (actual[i] != expected[i]) differing++;
            if (differing > 0) mismatches.Add($"Q{quality} {width}x{height} kind {kind}: {differing} of {codes.Length} bytes differ");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void A_typical_scene_matches_skia_at_a_low_and_a_high_quality()
    {
        using var scene = Scene();
        foreach (var quality in new[] { 7, 63 })
        {
            using var image = scene.Clone();
            var codes = TestScenes.Codes(image);
            new JpegCompression(quality).Apply(image);
            Assert.Equal(SkiaJpeg.RoundTrip(codes, image.Width, image.Height, quality), TestScenes.Codes(image));
        }
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
