namespace DeepPlate.Formats;

/// <summary>A closed list of multi-character tokens with sampling weights (e.g. German district codes).</summary>
public sealed record TokenList(string Name, IReadOnlyList<string> Entries, IReadOnlyList<double> Weights, string? Source)
{
    /// <summary>Running sums of <see cref="Weights"/>, for weighted sampling.</summary>
    internal double[] Cumulative { get; } = CumulativeOf(Weights);

    internal static double[] CumulativeOf(IReadOnlyList<double> weights)
    {
        var sums = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < sums.Length; i++)
        {
            total += weights[i];
            sums[i] = total;
        }
        return sums;
    }
}
