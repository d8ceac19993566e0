using DeepPlate.Training;

namespace DeepPlate.Training.Tests.Training;

/// <summary>CutOut-style erasing: one rectangle of the paper's sizes, noise of the input's scale, the share asked
/// for, a pure function of (seed, index), and only in training batches.</summary>
public sealed class RandomErasingTests
{
    private const int H = 32, W = 128;

    private static float[] Plate()
    {
        var input = new float[H * W];
        for (var i = 0; i < input.Length; i++) input[i] = 10 + i % 7;  // out of the noise's range: erased pixels show
        return input;
    }

    [Fact]
    public void One_rectangle_of_the_papers_size_is_replaced_by_noise_and_the_rest_kept()
    {
        var erasing = new RandomErasing(1);
        for (var index = 0; index < 50; index++)
        {
            var input = Plate();
            erasing.Apply(input, H, W, 3, index);
            var erased = Enumerable.Range(0, input.Length).Where(i => input[i] < 5).ToList();
            Assert.InRange(erased.Count, 1, (int)(0.2 * H * W * 1.2));
            Assert.All(erased, i => Assert.InRange(input[i], -1.7321f, 1.7321f));
            // A rectangle: its bounding box is all erased.
            var (top, bottom) = (erased.Min(i => i / W), erased.Max(i => i / W));
            var (left, right) = (erased.Min(i => i % W), erased.Max(i => i % W));
            Assert.Equal((bottom - top + 1) * (right - left + 1), erased.Count);
            Assert.All(Enumerable.Range(0, input.Length).Except(erased), i => Assert.Equal(10 + i % 7, input[i]));
        }
    }

    [Fact]
    public void The_share_of_plates_erased_is_the_one_asked_for_and_zero_erases_none()
    {
        bool Erased(RandomErasing e, long index)
        {
            var input = Plate();
            e.Apply(input, H, W, 5, index);
            return input.Any(v => v < 5);
        }
        Assert.InRange(Enumerable.Range(0, 1000).Count(i => Erased(new RandomErasing(0.3), i)), 250, 350);
        Assert.DoesNotContain(Enumerable.Range(0, 200), i => Erased(new RandomErasing(0), i));
    }

    [Fact]
    public void Erasing_is_a_pure_function_of_seed_and_index()
    {
        var (a, b, c) = (Plate(), Plate(), Plate());
        new RandomErasing(1).Apply(a, H, W, 7, 42);
        new RandomErasing(1).Apply(b, H, W, 7, 42);
        new RandomErasing(1).Apply(c, H, W, 7, 43);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Only_training_batches_are_erased()
    {
        using var plain = new PlateSampler("nl", H, W);
        using var erasing = new PlateSampler("nl", H, W, erasing: new RandomErasing(1));
        var (x, y) = (new float[H * W], new float[H * W]);
        var labels = new long[16];
        plain.Fill(9, 4, 0.2, x, labels, 0);
        erasing.Fill(9, 4, 0.2, y, labels, 0);
        Assert.NotEqual(x, y);
        // Validation and calibration sets (sample 4 of the same stream here) are drawn without erasing.
        var (fixedInputs, _) = PlateSampler.FixedSet("nl", H, W, 9, 5, 0.2, 1);
        Assert.Equal(x, fixedInputs[(4 * H * W)..]);
    }
}
