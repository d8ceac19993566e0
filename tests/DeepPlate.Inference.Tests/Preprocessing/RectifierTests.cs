using System.Numerics;

namespace DeepPlate.Inference.Tests.Preprocessing;

public class RectifierTests
{
    [Fact]
    public void The_square_maps_onto_the_corners()
    {
        Vector2[] q = [new(10, 20), new(110, 25), new(105, 60), new(12, 50)];
        var h = Homography.SquareToQuad(q[0], q[1], q[2], q[3]);
        Assert.Equal(q[0], h.Map(0, 0), Close);
        Assert.Equal(q[1], h.Map(1, 0), Close);
        Assert.Equal(q[2], h.Map(1, 1), Close);
        Assert.Equal(q[3], h.Map(0, 1), Close);
    }

    [Fact]
    public void An_axis_aligned_crop_at_the_same_size_is_the_crop_itself_standardised()
    {
        // A 40x20 image with a ramp; rectify its whole area to 40x20: the output is the standardised ramp.
        var image = new float[40 * 20];
        for (var y = 0; y < 20; y++) for (var x = 0; x < 40; x++) image[y * 40 + x] = x / 39f;
        var output = new float[40 * 20];
        Rectifier.Rectify(image, 40, 20, [new(0, 0), new(40, 0), new(40, 20), new(0, 20)], output, 40, 20);
        var mean = image.Average();
        var std = MathF.Sqrt(image.Select(v => (v - mean) * (v - mean)).Average());
        for (var i = 0; i < image.Length; i++) Assert.Equal((image[i] - mean) / std, output[i], 3);
    }

    [Fact]
    public void Shrinking_averages_over_the_footprint_instead_of_aliasing()
    {
        // One-pixel stripes shrunk 4x: point sampling would see all-black or all-white columns; area sampling sees grey.
        var image = new float[64 * 16];
        for (var y = 0; y < 16; y++) for (var x = 0; x < 64; x++) image[y * 64 + x] = x % 2;
        var output = new float[16 * 4];
        Rectifier.Rectify(image, 64, 16, [new(0, 0), new(64, 0), new(64, 16), new(0, 16)], output, 16, 4);
        // Flat grey: the standard deviation is below the floor, so every value is (0.5 - 0.5) / 0.02 = 0.
        Assert.All(output, v => Assert.Equal(0, v, 3));
    }

    [Fact]
    public void A_rotated_plate_comes_out_upright()
    {
        // A dark left half on a light background, the plate turned by 90 degrees: corners given clockwise from its own top-left.
        var image = new float[50 * 50];
        for (var y = 0; y < 50; y++) for (var x = 0; x < 50; x++) image[y * 50 + x] = y < 25 ? 0.1f : 0.9f;
        var output = new float[20 * 10];
        // The plate's top edge runs down the image's right side: its left half is the image's top half.
        Rectifier.Rectify(image, 50, 50, [new(50, 0), new(50, 50), new(0, 50), new(0, 0)], output, 20, 10);
        Assert.True(output[5 * 20 + 2] < 0, "plate left is dark");
        Assert.True(output[5 * 20 + 17] > 0, "plate right is light");
    }

    [Theory]
    [InlineData(30, 12, 1)] // small plate: one sample per output pixel
    [InlineData(180, 50, 2)] // wider than the input: several samples per footprint
    [InlineData(900, 300, 3)] // far wider: the tap limit
    public void The_fast_path_computes_what_the_plain_definition_does(int plateWidth, int plateHeight, ulong seed)
    {
        var random = new Random((int)seed);
        for (var trial = 0; trial < 5; trial++)
        {
            var w = plateWidth + 40;
            var h = plateHeight + 30;
            var image = new float[w * h];
            for (var i = 0; i < image.Length; i++) image[i] = (float)random.NextDouble();
            // A turned, keystoned quadrilateral, corners a little off the image now and then (clamped sampling).
            Vector2 Jitter(float x, float y) => new(x + (float)(random.NextDouble() - 0.5) * plateHeight * 0.6f, y + (float)(random.NextDouble() - 0.5) * plateHeight * 0.6f);
            Vector2[] corners = [Jitter(20, 15), Jitter(20 + plateWidth, 15), Jitter(20 + plateWidth, 15 + plateHeight), Jitter(20, 15 + plateHeight)];
            var expected = ReferenceRectifier.Rectify(image, w, h, corners, 128, 32);
            var actual = new float[128 * 32];
            Rectifier.Rectify(image, w, h, corners, actual, 128, 32);
            for (var i = 0; i < actual.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-3f, $"trial {trial}, pixel {i}: {actual[i]} vs {expected[i]}");
        }
    }

    [Theory]
    [InlineData(256, 64)] // 2 x 2 samples for every pixel: whole blocks of eight share one footprint grid
    [InlineData(384, 160)] // 3 x 5
    public void Blocks_with_one_footprint_grid_compute_what_the_plain_definition_does(int plateWidth, int plateHeight)
    {
        var random = new Random(plateWidth);
        int w = plateWidth + 20, h = plateHeight + 20;
        var image = new float[w * h];
        for (var i = 0; i < image.Length; i++) image[i] = (float)random.NextDouble();
        Vector2[] corners = [new(10, 10), new(10 + plateWidth, 10), new(10 + plateWidth, 10 + plateHeight), new(10, 10 + plateHeight)];
        var expected = ReferenceRectifier.Rectify(image, w, h, corners, 128, 32);
        var actual = new float[128 * 32];
        Rectifier.Rectify(image, w, h, corners, actual, 128, 32);
        for (var i = 0; i < actual.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-4f, $"pixel {i}: {actual[i]} vs {expected[i]}");
    }

    [Fact]
    public void Corners_at_infinity_read_no_memory_outside_the_image()
    {
        var image = new float[10 * 10];
        Array.Fill(image, 0.5f);
        var output = new float[16 * 4];
        Rectifier.Rectify(image, 10, 10, [new(float.NaN, 0), new(10, 0), new(10, 10), new(0, float.PositiveInfinity)], output, 16, 4);
        // Every sample, wherever it lands, reads the flat image: a flat crop standardises to 0.
        Assert.All(output, v => Assert.Equal(0f, v));
    }

    private static readonly IEqualityComparer<Vector2> Close =
        EqualityComparer<Vector2>.Create((a, b) => Vector2.Distance(a, b) < 1e-3f, v => 0);
}
