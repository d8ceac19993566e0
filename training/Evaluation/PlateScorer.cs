using DeepPlate.Inference;

namespace DeepPlate.Training.Evaluation;

/// <summary>
/// Scores one plate's per-slot distributions against its true slots. Holds the ranking buffers, so use one per
/// thread.
/// </summary>
public sealed class PlateScorer(int slots, int classes)
{
    /// <summary>How many plates the reader lists, and so how deep the plate-level hit rate looks.</summary>
    public const int Candidates = 60;

    private readonly int[] plates = new int[Candidates * slots];
    private readonly double[] scores = new double[Candidates];

    /// <param name="probabilities">slots x classes, slot by slot.</param>
    /// <param name="labels">The true class of every slot (blank after the last character).</param>
    /// <param name="length">How many characters the true plate has (its first <paramref name="length"/> slots).</param>
    public Tally Score(ReadOnlySpan<float> probabilities, ReadOnlySpan<int> labels, int length)
    {
        int top1 = 0, top3 = 0;
        var exact = true;
        for (var s = 0; s < slots; s++)
        {
            var rank = RankOf(probabilities.Slice(s * classes, classes), labels[s]);
            exact &= rank == 0;
            if (s >= length) continue;
            if (rank == 0) top1++;
            if (rank < 3) top3++;
        }
        // The best plate is every slot's best class (TopPlates breaks ties the same way), so an exact plate is
        // always a top-60 hit and needs no ranking.
        var top60 = exact || InTopPlates(probabilities, labels);
        return new Tally(1, length, top1, top3, exact ? 1 : 0, top60 ? 1 : 0);
    }

    private bool InTopPlates(ReadOnlySpan<float> probabilities, ReadOnlySpan<int> labels)
    {
        var found = TopPlates.RankLeftAligned(probabilities, slots, classes, Candidates, plates, scores);
        for (var k = 0; k < found; k++)
        {
            if (plates.AsSpan(k * slots, slots).SequenceEqual(labels[..slots])) return true;
        }
        return false;
    }

    /// <summary>The most likely class, the lower one on a tie (rank 0 of <see cref="RankOf"/>).</summary>
    public static int Best(ReadOnlySpan<float> distribution)
    {
        var best = 0;
        for (var c = 1; c < distribution.Length; c++) if (distribution[c] > distribution[best]) best = c;
        return best;
    }

    /// <summary>
    /// The place of class <paramref name="label"/> when the classes are sorted by probability, best first, ties to
    /// the lower class: the order of ML.NET's multiclass evaluation, so top-k figures agree with it exactly.
    /// </summary>
    public static int RankOf(ReadOnlySpan<float> distribution, int label)
    {
        var p = distribution[label];
        var rank = 0;
        for (var c = 0; c < distribution.Length; c++)
        {
            if (distribution[c] > p || (distribution[c] == p && c < label)) rank++;
        }
        return rank;
    }
}
