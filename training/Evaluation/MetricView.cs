using System.Globalization;

namespace DeepPlate.Training.Evaluation;

/// <summary>
/// How one metric is shown: its name in files and headings, how it is read off <see cref="Metrics"/>, and its
/// colour scale. One list, so the tables, heat maps and summary always show the same metrics the same way.
/// </summary>
/// <param name="Key">File-name and JSON-friendly name.</param>
/// <param name="Short">A short name for a colour bar.</param>
/// <param name="Percent">A rate shown in per cent; otherwise a plain number (ECE).</param>
/// <param name="ScaleMax">Top of the heat map's colour scale, fixed so that two models' maps compare at a glance.</param>
/// <param name="HigherIsBetter">Whether the colour scale runs from bad (low) to good (high).</param>
public sealed record MetricView(string Key, string Title, string Short, Func<Metrics, double> Value, bool Percent, double ScaleMax, bool HigherIsBetter)
{
    public static IReadOnlyList<MetricView> All { get; } =
    [
        new("char-top1", "Character top-1 accuracy", "top-1 %", m => m.CharTop1, true, 1, true),
        new("char-top3", "Character top-3 accuracy", "top-3 %", m => m.CharTop3, true, 1, true),
        new("exact", "Exact plate accuracy", "exact %", m => m.Exact, true, 1, true),
        new("top60", "True plate among the 60 best", "top-60 %", m => m.Top60, true, 1, true),
        // Calibration errors above 0.3 are all equally bad; a 0-1 scale would leave the useful range one colour.
        new("ece", "Expected calibration error", "ECE", m => m.Ece, false, 0.3, false),
    ];

    public string Unit => Percent ? " (%)" : "";

    /// <summary>Per cent of a rate, or the plain number: the unit tables and heat maps show.</summary>
    public double Shown(double value) => Percent ? 100 * value : value;

    /// <summary>For tables: per cent to 0.1, ECE to 0.001.</summary>
    public string Format(double value) => Shown(value).ToString(Percent ? "F1" : "F3", CultureInfo.InvariantCulture);

    /// <summary>For heat map cells: whole per cent, ECE to 0.01 (anti-aliased digits are most of a PNG's bytes).</summary>
    public string FormatShort(double value) => Shown(value).ToString(Percent ? "F0" : "F2", CultureInfo.InvariantCulture);
}
