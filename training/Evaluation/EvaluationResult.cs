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
    bool FormatsChanged);
