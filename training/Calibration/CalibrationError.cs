namespace DeepPlate.Training;

/// <summary>
/// Expected calibration error of per-slot predictions: the slots are binned by their top confidence into 15 equal
/// bins, and ECE is the sample-weighted mean of |accuracy - mean confidence| over the bins (Guo et al., 2017). Every
/// slot counts, "no character" slots included, because the reader shows a confidence for each.
/// </summary>
public static class CalibrationError
{
    public const int Bins = 15;

    /// <param name="probabilities">Per-slot distributions: predictions x classes.</param>
    /// <param name="labels">The true class of each prediction.</param>
    public static double Expected(ReadOnlySpan<float> probabilities, ReadOnlySpan<int> labels, int classes)
    {
        var count = labels.Length;
        if (probabilities.Length < count * classes) throw new ArgumentException("fewer probabilities than labels x classes");
        if (count == 0) return 0;
        Span<double> confidence = stackalloc double[Bins];
        Span<double> correct = stackalloc double[Bins];
        Span<int> size = stackalloc int[Bins];
        confidence.Clear();
        correct.Clear();
        size.Clear();
        for (var i = 0; i < count; i++)
        {
            var row = probabilities.Slice(i * classes, classes);
            var best = 0;
            for (var c = 1; c < classes; c++) if (row[c] > row[best]) best = c;
            var bin = Math.Min(Bins - 1, (int)(row[best] * Bins));
            confidence[bin] += row[best];
            correct[bin] += best == labels[i] ? 1 : 0;
            size[bin]++;
        }
        var ece = 0.0;
        for (var b = 0; b < Bins; b++) ece += Math.Abs(correct[b] - confidence[b]) / count;
        return ece;
    }

    /// <summary>The same error over predictions given as their top confidence and whether they were right (a real
    /// photo's positions, paired with its label only where the lengths agree).</summary>
    public static double Expected(IReadOnlyList<(double Confidence, bool Right)> predictions)
    {
        if (predictions.Count == 0) return 0;
        Span<double> confidence = stackalloc double[Bins];
        Span<double> correct = stackalloc double[Bins];
        confidence.Clear();
        correct.Clear();
        foreach (var (c, right) in predictions)
        {
            var bin = Math.Clamp((int)(c * Bins), 0, Bins - 1);
            confidence[bin] += c;
            correct[bin] += right ? 1 : 0;
        }
        var ece = 0.0;
        for (var b = 0; b < Bins; b++) ece += Math.Abs(correct[b] - confidence[b]);
        return ece / predictions.Count;
    }
}
