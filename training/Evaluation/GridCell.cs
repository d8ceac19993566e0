using System.Globalization;

namespace DeepPlate.Training.Evaluation;

/// <summary>One cell of an <see cref="EvaluationGrid"/>: its place in the grid's order and its three axis values.</summary>
/// <param name="SnrDb">null = no noise.</param>
/// <param name="JpegQuality">null = no JPEG.</param>
public sealed record GridCell(int Index, double WidthPx, double? SnrDb, int? JpegQuality)
{
    public string WidthLabel => $"{WidthPx.ToString(CultureInfo.InvariantCulture)} px";

    public string SnrLabel => SnrDb is { } s ? $"{s.ToString(CultureInfo.InvariantCulture)} dB" : "no noise";

    public string JpegLabel => JpegQuality is { } q ? $"Q {q.ToString(CultureInfo.InvariantCulture)}" : "no JPEG";

    public override string ToString() => $"{WidthLabel}, {SnrLabel}, {JpegLabel}";
}
