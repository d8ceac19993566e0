using DeepPlate.Inference;

namespace DeepPlate.Inference.Tests.Decoding;

public sealed class TopPlatesTests
{
    [Theory]
    [InlineData(1, 3, 5, 7)]
    [InlineData(3, 4, 60, 11)]
    [InlineData(4, 5, 60, 12)]
    [InlineData(5, 6, 60, 13)]
    public void MatchesBruteForceRanking(int slots, int classes, int k, int seed)
    {
        var random = new Random(seed);
        var probabilities = RandomDistributions(random, slots, classes);
        // A few zeros, as a format mask leaves them.
        probabilities[random.Next(probabilities.Length)] = 0;

        var plates = new int[k * slots];
        var scores = new double[k];
        var found = TopPlates.Rank(probabilities, slots, classes, k, plates, scores);

        var all = BruteForce(probabilities, slots, classes);
        Assert.Equal(Math.Min(k, all.Count), found);
        for (var i = 0; i < found; i++)
        {
            Assert.Equal(all[i].Score, scores[i], 12);
            // The plate at rank i has the score it claims.
            var p = 1.0;
            for (var s = 0; s < slots; s++) p *= probabilities[s * classes + plates[i * slots + s]];
            Assert.Equal(scores[i], p, 15);
        }
        // No plate twice.
        var distinct = new HashSet<string>();
        for (var i = 0; i < found; i++) Assert.True(distinct.Add(string.Join(",", plates.AsSpan(i * slots, slots).ToArray())));
    }

    [Fact]
    public void NeverProposesMaskedClasses()
    {
        float[] probabilities = [0.5f, 0.5f, 0f, /* slot 2 */ 0f, 0f, 1f];
        var plates = new int[60 * 2];
        var scores = new double[60];
        var found = TopPlates.Rank(probabilities, 2, 3, 60, plates, scores);
        Assert.Equal(2, found);
        Assert.Equal([0, 2, 1, 2], plates[..4]);
    }

    [Fact]
    public void NoPlateWhenASlotHasNoPossibleClass()
    {
        float[] probabilities = [1f, 0f, 0f, 0f];
        Assert.Equal(0, TopPlates.Rank(probabilities, 2, 2, 5, new int[10], new double[5]));
    }

    [Fact]
    public void TiesAreBrokenByClassOrder()
    {
        float[] probabilities = [0.25f, 0.25f, 0.25f, 0.25f];
        var plates = new int[4];
        var found = TopPlates.Rank(probabilities, 1, 4, 4, plates, new double[4]);
        Assert.Equal(4, found);
        Assert.Equal([0, 1, 2, 3], plates);
    }

    internal static float[] RandomDistributions(Random random, int slots, int classes)
    {
        var p = new float[slots * classes];
        for (var s = 0; s < slots; s++)
        {
            var sum = 0f;
            for (var c = 0; c < classes; c++) sum += p[s * classes + c] = (float)Math.Pow(random.NextDouble(), 3);
            for (var c = 0; c < classes; c++) p[s * classes + c] /= sum;
        }
        return p;
    }

    private static List<(int[] Plate, double Score)> BruteForce(float[] probabilities, int slots, int classes)
    {
        var all = new List<(int[], double)>();
        var total = (int)Math.Pow(classes, slots);
        for (var n = 0; n < total; n++)
        {
            var plate = new int[slots];
            var p = 1.0;
            for (int s = 0, rest = n; s < slots; s++, rest /= classes)
            {
                plate[s] = rest % classes;
                p *= probabilities[s * classes + plate[s]];
            }
            if (p > 0) all.Add((plate, p));
        }
        all.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return all;
    }
}
