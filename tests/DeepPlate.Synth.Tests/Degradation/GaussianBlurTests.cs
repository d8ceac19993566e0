namespace DeepPlate.Synth.Tests.Degradation;

public sealed class GaussianBlurTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Blur_keeps_the_mean_and_lowers_the_variance(double sigma)
    {
        // 61 columns: not a multiple of any vector width, so the scalar tail runs too.
        using var image = TestScenes.Texture(61, 23, seed: 11);
        var mean = TestScenes.Mean(image);
        var variance = TestScenes.Variance(image);

        new GaussianBlur(sigma).Apply(image);

        Assert.InRange(TestScenes.Mean(image), mean - 0.002, mean + 0.002);
        // White noise keeps about 1 / (4 pi sigma^2) of its variance under a Gaussian of sigma >= 1 (0.3 at 0.5 px).
        Assert.True(TestScenes.Variance(image) < 0.5 * variance, $"variance {TestScenes.Variance(image)} of {variance}");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(2.0)]
    public void The_kernel_is_a_normalised_gaussian_of_the_given_sigma(double sigma)
    {
        using var image = TestScenes.Impulse(31);
        new GaussianBlur(sigma).Apply(image);

        double sum = 0, xx = 0, yy = 0;
        for (var y = 0; y < 31; y++)
        {
            for (var x = 0; x < 31; x++)
            {
                var v = image[x, y];
                sum += v;
                xx += v * (x - 15) * (x - 15);
                yy += v * (y - 15) * (y - 15);
            }
        }
        Assert.Equal(1, sum, 1e-5);
        // Truncation at 3 sigma loses under 3 % of the second moment.
        Assert.InRange(xx, 0.95 * sigma * sigma, 1.01 * sigma * sigma);
        Assert.InRange(yy, 0.95 * sigma * sigma, 1.01 * sigma * sigma);
        // Nothing beyond the radius ceil(3 sigma).
        var r = (int)Math.Ceiling(3 * sigma);
        Assert.Equal(0, image[15 + r + 1, 15]);
        Assert.True(image[15 + r, 15] > 0);
        // Symmetric.
        Assert.Equal(image[14, 15], image[16, 15]);
        Assert.Equal(image[15, 13], image[15, 17]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.29)]
    public void Tiny_sigmas_change_nothing(double sigma)
    {
        using var image = TestScenes.Texture(40, 15, seed: 3);
        var before = TestScenes.Bytes(image);
        new GaussianBlur(sigma).Apply(image);
        Assert.Equal(before, TestScenes.Bytes(image));
        Assert.True(new GaussianBlur(sigma).IsIdentity);
    }

    [Fact]
    public void Edges_are_clamped_so_a_flat_image_stays_flat()
    {
        using var image = new GreyImage(20, 7);
        image.Pixels.Fill(0.6f);
        new GaussianBlur(2).Apply(image);
        foreach (var p in image.Pixels) Assert.Equal(0.6f, p, 1e-6f);
    }

    [Fact]
    public void Same_input_gives_the_same_bits()
    {
        using var a = TestScenes.Texture(45, 16, seed: 5);
        using var b = TestScenes.Texture(45, 16, seed: 5);
        new GaussianBlur(1.3).Apply(a);
        new GaussianBlur(1.3).Apply(b);
        Assert.Equal(TestScenes.Bytes(a), TestScenes.Bytes(b));
    }

    [Fact]
    public void A_negative_sigma_is_refused()
    {
        using var image = new GreyImage(4, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianBlur(-1).Apply(image));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianBlur(double.NaN).Apply(image));
    }
}
