namespace DeepPlate.Training.Evaluation;

/// <summary>
/// What the model said about every plate of the grid, kept for the grid-wide figures (calibration error over all
/// slots, the character confusion matrix). Plates are numbered cell by cell in the grid's order: plate i of cell c
/// is number c x samples + i.
/// </summary>
/// <param name="Probabilities">plates x slots x classes.</param>
/// <param name="Labels">plates x slots: the true class of every slot.</param>
/// <param name="Lengths">Characters of each true plate.</param>
public sealed record GridPredictions(float[] Probabilities, int[] Labels, int[] Lengths, int Slots, int Classes)
{
    public int Plates => Lengths.Length;
}
