using DeepPlate.Inference;

namespace DeepPlate.Training.Evaluation;

/// <summary>The outcome of evaluating one model on a grid.</summary>
/// <param name="SamplesPerCell">Plates per cell (the same plate indices in every cell).</param>
/// <param name="FormatsChanged">The country's format files differ from those the model was trained against.</param>
public sealed record EvaluationResult(
    ModelInfo Model,
    EvaluationGrid Grid,
    int SamplesPerCell,
    IReadOnlyList<CellResult> Cells,
    Metrics Overall,
    GridPredictions Predictions,
    bool FormatsChanged)
{
    /// <summary>Corner sets each plate was read with, fused (1: the clicked corners alone).</summary>
    public int CornerSets { get; init; } = 1;

    /// <summary>How the plates looked: "plain" (the grid's own), "default" (synth/appearance.jsonc) or a file.</summary>
    public string Appearance { get; init; } = "plain";

    /// <summary>The clean cell measured again on many more plates (<c>eval --clean-samples</c>), or null.</summary>
    public Metrics? Clean { get; init; }

    /// <summary>The grid's cells against the ideal observer (<c>eval --ceilings</c>), or null without its ceiling.</summary>
    public CeilingCells? Ceiling { get; init; }
}

/// <summary>How many of the grid's cells read at least <see cref="AccuracyTargets.CeilingShare"/> of the ideal
/// observer's character accuracy, measured against <see cref="File"/> (<c>deepplate ceiling</c>).</summary>
public sealed record CeilingCells(string File, int SamplesPerCell, int Met, int Cells)
{
    public double Share => Cells == 0 ? 0 : (double)Met / Cells;

    /// <summary>A cell meets its ceiling at <see cref="AccuracyTargets.CeilingShare"/> of the observer's accuracy; a cell
    /// where the observer reads nothing (or the ceiling lacks) does not.</summary>
    public static (int Met, int Cells) Count(IEnumerable<(double WidthPx, double? SnrDb, int? JpegQuality, double CharTop1)> cells, Ceiling.CeilingResult ceiling)
    {
        var (met, all) = (0, 0);
        foreach (var (w, s, q, accuracy) in cells)
        {
            all++;
            if (Ratio(accuracy, ceiling.At(w, s, q)) >= AccuracyTargets.CeilingShare) met++;
        }
        return (met, all);
    }

    /// <summary>The measured accuracy as a share of the observer's, or null where the observer reads nothing.</summary>
    public static double? Ratio(double accuracy, Ceiling.CeilingCell? limit) => limit is { Accuracy: > 0 } l ? accuracy / l.Accuracy : null;
}
