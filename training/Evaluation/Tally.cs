namespace DeepPlate.Training.Evaluation;

/// <summary>
/// The counts behind the metrics of a set of plates. Counts rather than rates so that plates, cells and the whole
/// grid add up exactly and in any order.
/// </summary>
/// <param name="Characters">The true plates' characters (their slots; blank slots are not characters).</param>
/// <param name="CharTop1">Characters whose most likely class is the true one.</param>
/// <param name="CharTop3">Characters whose true class is among the three most likely.</param>
/// <param name="Exact">Plates with every slot's most likely class right, blank slots included.</param>
/// <param name="Top60">Plates whose true slot sequence is among the 60 most likely plates.</param>
public readonly record struct Tally(int Plates, int Characters, int CharTop1, int CharTop3, int Exact, int Top60)
{
    public static Tally operator +(Tally a, Tally b) => new(
        a.Plates + b.Plates, a.Characters + b.Characters, a.CharTop1 + b.CharTop1, a.CharTop3 + b.CharTop3,
        a.Exact + b.Exact, a.Top60 + b.Top60);
}
