namespace DeepPlate.Training.Evaluation;

/// <summary>The metrics of a set of plates (a grid cell or the whole grid), every rate in [0, 1].</summary>
/// <param name="CharTop1">Per-character top-1 accuracy over the true plates' characters (not their blank slots,
/// which would inflate it: literature.md §3 item 2).</param>
/// <param name="CharTop3">Per-character top-3 accuracy, over the same characters.</param>
/// <param name="Exact">Exact-plate accuracy: every slot right, blank slots included.</param>
/// <param name="Top60">How often the true plate is among the 60 most likely plates (what the reader lists).</param>
/// <param name="Ece">Expected calibration error over every slot, blank slots included (<see cref="CalibrationError"/>).</param>
public sealed record Metrics(int Plates, int Characters, double CharTop1, double CharTop3, double Exact, double Top60, double Ece)
{
    public static Metrics From(Tally t, double ece) => new(
        t.Plates, t.Characters, Rate(t.CharTop1, t.Characters), Rate(t.CharTop3, t.Characters),
        Rate(t.Exact, t.Plates), Rate(t.Top60, t.Plates), ece);

    // An empty set has no accuracy; 0 keeps the JSON free of NaN.
    private static double Rate(int hits, int total) => total == 0 ? 0 : (double)hits / total;
}

/// <summary>A grid cell, its counts (which add up over the grid exactly) and its metrics.</summary>
public sealed record CellResult(GridCell Cell, Tally Counts, Metrics Metrics);
