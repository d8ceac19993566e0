namespace DeepPlate.Synth.Tests.Degradation;

public sealed class MotionBlurTests
{
    private const int Size = 21;
    private const int C = Size / 2;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.49)]
    public void Short_motions_change_nothing(double length)
    {
        using var image = TestScenes.Texture(40, 15, seed: 3);
        var before = TestScenes.Bytes(image);
        new MotionBlur(length, 30).Apply(image);
        Assert.Equal(before, TestScenes.Bytes(image));
    }

    [Fact]
    public void Horizontal_motion_spreads_a_point_along_its_row_only()
    {
        using var image = TestScenes.Impulse(Size);
        new MotionBlur(4, 0).Apply(image);
        var (sum, xx, yy, xy) = Moments(image);
        Assert.Equal(1, sum, 1e-5);
        Assert.Equal(0, yy, 1e-9);
        // A box of length 4 has variance 4^2 / 12 = 1.33; the bilinear taps add a little.
        Assert.InRange(xx, 1.2, 1.8);
        Assert.Equal(0, xy, 1e-9);
        // Reaches two pixels either side (plus bilinear spill), not further.
        Assert.True(image[C + 2, C] > 0 && image[C - 2, C] > 0);
        Assert.Equal(0, image[C + 4, C]);
    }

    [Fact]
    public void Vertical_motion_spreads_a_point_along_its_column_only()
    {
        using var image = TestScenes.Impulse(Size);
        new MotionBlur(3, 90).Apply(image);
        var (sum, xx, yy, _) = Moments(image);
        Assert.Equal(1, sum, 1e-5);
        Assert.Equal(0, xx, 1e-9);
        Assert.InRange(yy, 0.6, 1.2);
    }

    [Fact]
    public void The_angle_turns_counter_clockwise_on_screen()
    {
        // At 45 degrees counter-clockwise (up and to the right on screen, where y grows downwards), x and -y move
        // together: the kernel's xy moment is negative. At 135 degrees it is positive.
        using var up = TestScenes.Impulse(Size);
        new MotionBlur(4, 45).Apply(up);
        var (sum, xx, yy, xy) = Moments(up);
        Assert.Equal(1, sum, 1e-5);
        Assert.True(xy < -0.3, $"xy {xy}");
        Assert.Equal(xx, yy, 1e-4);

        using var down = TestScenes.Impulse(Size);
        new MotionBlur(4, 135).Apply(down);
        Assert.True(Moments(down).Xy > 0.3);
    }

    [Fact]
    public void Motion_keeps_the_mean_and_lowers_the_variance()
    {
        using var image = TestScenes.Texture(53, 19, seed: 13);
        var mean = TestScenes.Mean(image);
        var variance = TestScenes.Variance(image);
        new MotionBlur(3.3, 20).Apply(image);
        Assert.InRange(TestScenes.Mean(image), mean - 0.002, mean + 0.002);
        Assert.True(TestScenes.Variance(image) < 0.5 * variance);
    }

    [Fact]
    public void Same_input_gives_the_same_bits()
    {
        using var a = TestScenes.Texture(45, 16, seed: 5);
        using var b = TestScenes.Texture(45, 16, seed: 5);
        new MotionBlur(2.7, 33).Apply(a);
        new MotionBlur(2.7, 33).Apply(b);
        Assert.Equal(TestScenes.Bytes(a), TestScenes.Bytes(b));
    }

    private static (double Sum, double Xx, double Yy, double Xy) Moments(GreyImage image)
    {
        double sum = 0, xx = 0, yy = 0, xy = 0;
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var v = image[x, y];
                sum += v;
                xx += v * (x - C) * (x - C);
                yy += v * (y - C) * (y - C);
                xy += v * (x - C) * (y - C);
            }
        }
        return (sum, xx, yy, xy);
    }
}
