namespace DeepPlate.Synth.Tests.Degradation;

public sealed class LightingTests
{
    [Fact]
    public void Identity_changes_nothing()
    {
        using var image = TestScenes.Texture(37, 11, seed: 1);
        var before = TestScenes.Bytes(image);
        Lighting.Identity.Apply(image);
        Assert.Equal(before, TestScenes.Bytes(image));
    }

    [Fact]
    public void Contrast_turns_around_mid_grey_and_brightness_shifts()
    {
        // 13 columns: the partial last vector of each row takes the same path as the rest.
        using var image = new GreyImage(13, 3);
        image.Pixels.Fill(0.5f);
        image[12, 2] = 0.75f;
        image[0, 0] = 0.25f;
        new Lighting(0.1, 0.6, 1, 0, 0).Apply(image);
        Assert.Equal(0.6f, image[5, 1], 1e-6f);
        Assert.Equal(0.5f + 0.25f * 0.6f + 0.1f, image[12, 2], 1e-6f);
        Assert.Equal(0.5f - 0.25f * 0.6f + 0.1f, image[0, 0], 1e-6f);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(1.43)]
    [InlineData(2.0)]
    public void Gamma_is_a_power(double gamma)
    {
        using var image = new GreyImage(13, 2);
        image.Pixels.Fill(0.25f);
        image[12, 1] = 0.8f;
        image[3, 0] = 0f;
        image[4, 0] = 1f;
        new Lighting(0, 1, gamma, 0, 0).Apply(image);
        Assert.Equal(Math.Pow(0.25, gamma), image[5, 0], 1e-5);
        Assert.Equal(Math.Pow(0.8, gamma), image[12, 1], 1e-5);
        Assert.Equal(0f, image[3, 0]);
        Assert.Equal(1f, image[4, 0], 1e-6f);
    }

    [Fact]
    public void Uneven_light_is_a_linear_gradient_towards_its_angle()
    {
        using var flat = new GreyImage(21, 9);
        flat.Pixels.Fill(0.5f);

        // 0 degrees: brighter to the right, by 1 - a at the left edge and 1 + a at the right, the same on every row.
        using var right = flat.Clone();
        new Lighting(0, 1, 1, 0.4, 0).Apply(right);
        Assert.Equal(0.5f * 0.6f, right[0, 4], 1e-5f);
        Assert.Equal(0.5f * 1.4f, right[20, 4], 1e-5f);
        Assert.Equal(0.5f, right[10, 0], 1e-5f);
        Assert.Equal(right[7, 0], right[7, 8], 1e-6f);
        Assert.Equal(right[9, 4] - right[8, 4], right[15, 4] - right[14, 4], 1e-5f);

        // 90 degrees (counter-clockwise on screen): brighter at the top.
        using var up = flat.Clone();
        new Lighting(0, 1, 1, 0.4, 90).Apply(up);
        Assert.Equal(0.5f * 1.4f, up[10, 0], 1e-5f);
        Assert.Equal(0.5f * 0.6f, up[10, 8], 1e-5f);
        Assert.Equal(up[0, 2], up[20, 2], 1e-5f);
    }

    [Fact]
    public void Light_multiplies_so_black_stays_black()
    {
        using var image = new GreyImage(10, 4);
        new Lighting(0, 1, 1, 0.5, 30).Apply(image);
        foreach (var p in image.Pixels) Assert.Equal(0f, p);
    }
}
