using DeepPlate.Training.Evaluation;

namespace DeepPlate.Training.Tests.Evaluation;

/// <summary>ML.NET's confusion matrix and top-k accuracy against the project's own counts.</summary>
public sealed class CharacterConfusionTests
{
    private const string Alphabet = "0123B8D";

    /// <summary>Random plates with random distributions, some with exact ties, so both counts are really exercised.</summary>
    private static GridPredictions RandomPredictions(int plates, int slots, int seed)
    {
        var classes = Alphabet.Length + 1;
        var random = new Random(seed);
        var probs = new float[plates * slots * classes];
        var labels = new int[plates * slots];
        var lengths = new int[plates];
        for (var p = 0; p < plates; p++)
        {
            lengths[p] = random.Next(1, slots + 1);
            for (var s = 0; s < slots; s++)
            {
                var label = s < lengths[p] ? random.Next(Alphabet.Length) : Alphabet.Length;
                labels[p * slots + s] = label;
                var row = probs.AsSpan((p * slots + s) * classes, classes);
                for (var c = 0; c < classes; c++) row[c] = random.Next(4) == 0 ? 0.25f : (float)random.NextDouble();
                row[label] += (float)random.NextDouble(); // better than chance, not always right
                var sum = 0f;
                foreach (var v in row) sum += v;
                for (var c = 0; c < classes; c++) row[c] /= sum;
            }
        }
        return new GridPredictions(probs, labels, lengths, slots, classes);
    }

    [Fact]
    public void MLNet_top_k_agrees_with_the_own_top1_and_top3()
    {
        var p = RandomPredictions(plates: 600, slots: 5, seed: 3);
        var (counts, metrics) = Evaluator.Score(p, 0, p.Plates);
        var confusion = CharacterConfusion.Evaluate(p, Alphabet);

        Assert.Equal(3, confusion.TopKAccuracy.Count);
        Assert.Equal(metrics.CharTop1, confusion.TopKAccuracy[0], 12);
        Assert.Equal(metrics.CharTop3, confusion.TopKAccuracy[2], 12);
        Assert.Equal(metrics.CharTop1, confusion.MicroAccuracy, 12);
        Assert.InRange(metrics.CharTop1, 0.3, 0.95); // the data is neither trivial nor hopeless

        long diagonal = 0, total = 0;
        for (var t = 0; t < confusion.Counts.Length; t++)
        {
            diagonal += confusion.Counts[t][t];
            foreach (var n in confusion.Counts[t]) total += n;
        }
        Assert.Equal(counts.CharTop1, diagonal);
        Assert.Equal(counts.Characters, total);
        Assert.All(confusion.Counts[Alphabet.Length], n => Assert.Equal(0, n)); // no true "no character" rows
    }

    [Fact]
    public void Classes_stay_in_place_and_the_most_confused_pairs_come_first()
    {
        // Four "B"s: three read as "8", one dropped; two "D"s read as "0"; one "1" read right.
        var classes = Alphabet.Length + 1;
        int b = Alphabet.IndexOf('B'), eight = Alphabet.IndexOf('8'), d = Alphabet.IndexOf('D'), zero = 0, one = 1, blank = Alphabet.Length;
        (int Label, int Read)[] chars = [(b, eight), (b, eight), (b, eight), (b, blank), (d, zero), (d, zero), (one, one)];
        var probs = new float[chars.Length * classes];
        var labels = new int[chars.Length];
        for (var i = 0; i < chars.Length; i++)
        {
            probs.AsSpan(i * classes, classes).Fill(0.1f / (classes - 1));
            probs[i * classes + chars[i].Read] = 0.9f;
            labels[i] = chars[i].Label;
        }
        var p = new GridPredictions(probs, labels, [.. Enumerable.Repeat(1, chars.Length)], Slots: 1, classes);
        var confusion = CharacterConfusion.Evaluate(p, Alphabet);

        Assert.Equal(3, confusion.Counts[b][eight]);
        Assert.Equal(1, confusion.Counts[b][blank]);
        Assert.Equal(2, confusion.Counts[d][zero]);
        Assert.Equal(1, confusion.Counts[one][one]);
        Assert.Equal(
            [new ConfusedPair('B', '8', 3, 0.75), new ConfusedPair('D', '0', 2, 1.0), new ConfusedPair('B', null, 1, 0.25)],
            confusion.MostConfused(20));
    }
}
