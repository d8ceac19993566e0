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

    [Theory]
    [InlineData(1, 3, 5, 21)]
    [InlineData(3, 4, 60, 22)]
    [InlineData(4, 5, 60, 23)]
    [InlineData(5, 4, 60, 24)]
    [InlineData(6, 3, 60, 25)]
    public void LeftAlignedMatchesBruteForceOverLeftAlignedVectors(int slots, int classes, int k, int seed)
    {
        var random = new Random(seed);
        var probabilities = RandomDistributions(random, slots, classes);
        probabilities[random.Next(probabilities.Length)] = 0;
        // Make "no character" likely somewhere in the middle, where the left-aligned rule matters most.
        probabilities[(slots / 2) * classes + classes - 1] += 2;
        Normalise(probabilities, slots, classes);

        var plates = new int[k * slots];
        var scores = new double[k];
        var found = TopPlates.RankLeftAligned(probabilities, slots, classes, k, plates, scores);

        var blank = classes - 1;
        var all = BruteForce(probabilities, slots, classes).Where(p => IsLeftAligned(p.Plate, blank) && p.Plate[0] != blank).ToList();
        Assert.Equal(Math.Min(k, all.Count), found);
        var texts = new HashSet<string>();
        for (var i = 0; i < found; i++)
        {
            Assert.Equal(all[i].Score, scores[i], 12);
            var plate = plates.AsSpan(i * slots, slots).ToArray();
            Assert.True(IsLeftAligned(plate, blank));
            var p = 1.0;
            for (var s = 0; s < slots; s++) p *= probabilities[s * classes + plate[s]];
            Assert.Equal(scores[i], p, 15);
            // One slot vector per text: no text twice.
            Assert.True(texts.Add(string.Join(",", plate.Where(c => c != blank))));
        }
    }

    [Fact]
    public void ShorterAndLongerPlatesRankByTheSameProduct()
    {
        // Three slots, classes A, B, blank. Slot 3 is most likely empty: "AB" (0.9 * 0.8 * 0.6) beats "ABA".
        float[] probabilities = [0.9f, 0.1f, 0f, /* 2 */ 0.1f, 0.8f, 0.1f, /* 3 */ 0.4f, 0f, 0.6f];
        var plates = new int[3 * 3];
        var scores = new double[3];
        Assert.Equal(3, TopPlates.RankLeftAligned(probabilities, 3, 3, 3, plates, scores));
        Assert.Equal([0, 1, 2], plates[..3]);
        Assert.Equal(0.9 * 0.8 * 0.6, scores[0], 6);
        Assert.Equal([0, 1, 0], plates[3..6]);
        Assert.Equal(0.9 * 0.8 * 0.4, scores[1], 6);
        // Then "A" (0.9 * 0.1 * 0.6), tied with "AA" and discovered first; "A_A" (a blank before a character) is
        // never proposed although its vector (0.9 * 0.1 * 0.4) would come next among all vectors.
        Assert.Equal([0, 2, 2], plates[6..9]);
        Assert.Equal(0.9 * 0.1 * 0.6, scores[2], 6);
    }

    /// <summary>The worked example: a candidate's confidence is the product of its characters' confidences.</summary>
    [Fact]
    public void WorkedExampleProductOfSevenConfidences()
    {
        float[] confidences = [0.158f, 0.93f, 0.338f, 0.809f, 0.337f, 0.911f, 0.151f];
        // Seven slots over classes X, Y, blank: the candidate reads X where its confidence is given, and every slot
        // gives the rest to Y except the first, which is the worse guess there (0.158 against 0.842).
        const int slots = 7, classes = 3;
        var probabilities = new float[slots * classes];
        for (var s = 0; s < slots; s++)
        {
            probabilities[s * classes] = confidences[s];
            probabilities[s * classes + 1] = 1 - confidences[s];
        }
        var plates = new int[60 * slots];
        var scores = new double[60];
        var found = TopPlates.RankLeftAligned(probabilities, slots, classes, 60, plates, scores);

        var expected = 1.0;
        foreach (var c in confidences) expected *= c;
        var rank = -1;
        for (var i = 0; i < found; i++)
        {
            if (plates.AsSpan(i * slots, slots).SequenceEqual(new int[slots])) rank = i;
        }
        Assert.True(rank >= 0, "the candidate XXXXXXX is among the 60");
        Assert.Equal(expected, scores[rank], 12);
        Assert.InRange(scores[rank], 0.0018, 0.0019);
        Assert.Equal(0.00186, Math.Round(scores[rank], 5));
    }

    [Fact]
    public void TopSixtyOfARealisticReadingIsFast()
    {
        // Not a benchmark (benchmarks/ReadingBenchmark.cs is), only a guard against an accidental blow-up.
        var probabilities = RandomDistributions(new Random(3), 8, 40);
        var plates = new int[60 * 8];
        var scores = new double[60];
        TopPlates.RankLeftAligned(probabilities, 8, 40, 60, plates, scores);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 100; i++) TopPlates.RankLeftAligned(probabilities, 8, 40, 60, plates, scores);
        Assert.True(watch.Elapsed.TotalMilliseconds / 100 < 5, $"{watch.Elapsed.TotalMilliseconds / 100} ms per ranking");
    }

    private static bool IsLeftAligned(int[] plate, int blank)
    {
        var seenBlank = false;
        foreach (var c in plate)
        {
            if (c == blank) seenBlank = true;
            else if (seenBlank) return false;
        }
        return true;
    }

    internal static void Normalise(float[] p, int slots, int classes)
    {
        for (var s = 0; s < slots; s++)
        {
            var sum = 0f;
            for (var c = 0; c < classes; c++) sum += p[s * classes + c];
            for (var c = 0; c < classes; c++) p[s * classes + c] /= sum;
        }
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
