using DeepPlate.Formats;

namespace DeepPlate.Training;

/// <summary>
/// CutOut-style random erasing (Zhong et al. 2017; issue 17): a <see cref="Share"/> of training plates get one
/// rectangle of the network input replaced by noise of the input's own scale (the rectifier standardises every plate
/// to mean 0, deviation 1), so the network cannot lean on any one patch of a plate: a bolt, a sticker, a frame or a
/// reflection over part of a character on a real plate. The label stays. Drawn from a stream of its own of
/// (seed, index), so the sample stays a pure function of them and the generator's draws do not move.
/// </summary>
public sealed record RandomErasing(double Share)
{
    /// <summary>The rectangle's area as a share of the input, and its height-to-width ratio (log-uniform), as in the paper.</summary>
    public static readonly (double Min, double Max) Area = (0.02, 0.2), Aspect = (0.3, 3.3);

    private const ulong Stream = 0xE4A5E11A5E;

    /// <summary>Erases sample (seed, index)'s rectangle, if it has one, in its standardised input.</summary>
    public void Apply(Span<float> input, int height, int width, ulong seed, long index)
    {
        var random = DeterministicRandom.For(seed ^ Stream, index);
        if (random.NextDouble() >= Share) return;
        var area = random.Uniform(Area.Min, Area.Max) * height * width;
        var aspect = Math.Exp(random.Uniform(Math.Log(Aspect.Min), Math.Log(Aspect.Max)));
        var h = Math.Clamp((int)Math.Round(Math.Sqrt(area * aspect)), 1, height);
        var w = Math.Clamp((int)Math.Round(Math.Sqrt(area / aspect)), 1, width);
        var top = random.Next(height - h + 1);
        var left = random.Next(width - w + 1);
        // Uniform on [-sqrt 3, sqrt 3]: mean 0, deviation 1, like the plate around it.
        var half = (float)Math.Sqrt(3);
        for (var y = top; y < top + h; y++)
        {
            var row = input.Slice(y * width + left, w);
            for (var x = 0; x < row.Length; x++) row[x] = (float)((2 * random.NextDouble() - 1) * half);
        }
    }
}
