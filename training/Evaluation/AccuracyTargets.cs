using System.Globalization;

namespace DeepPlate.Training.Evaluation;

/// <summary>One accuracy goal: a metric in one cell of the standard grid (or over the whole grid), and its threshold.</summary>
/// <param name="WidthPx">The cell's plate width; null: the whole grid.</param>
/// <param name="AtMost">The metric must stay at or below the threshold (an error) rather than reach it.</param>
public sealed record AccuracyTarget(string Name, double? WidthPx, double? SnrDb, int? JpegQuality, MetricView Metric, double Threshold, bool AtMost = false)
{
    public bool IsMet(double value) => AtMost ? value <= Threshold : value >= Threshold;

    public string Condition => WidthPx is { } w
        ? new GridCell(0, w, SnrDb, JpegQuality).ToString()
        : "whole grid";

    public string Goal => $"{(AtMost ? "≤" : "≥")} {Metric.Format(Threshold)}{(Metric.Percent ? " %" : "")}";
}

/// <summary>How a model measured against one target; <see cref="Value"/> is null when the grid lacks the cell.</summary>
public sealed record TargetResult(AccuracyTarget Target, double? Value)
{
    public bool Met => Value is { } v && Target.IsMet(v);

    /// <summary>How far from the goal, in the metric's shown unit (percentage points, or ECE); 0 when met.</summary>
    public double Shortfall => Value is { } v && !Met ? Math.Abs(Target.Metric.Shown(Target.Threshold) - Target.Metric.Shown(v)) : 0;

    public string Shown => Value is { } v ? Target.Metric.Format(v) + (Target.Metric.Percent ? " %" : "") : "n/a";

    public string Verdict => Value is null ? "not measured" : Met ? "met" : $"short by {Shortfall.ToString(Target.Metric.Percent ? "F1" : "F3", CultureInfo.InvariantCulture)}{(Target.Metric.Percent ? " pp" : "")}";
}

/// <summary>
/// The accuracy every shipped country model is held to (issue 9), on the cells of the standard grid they name:
/// clean wide plates read exactly; a mid-difficulty anchor (30 px, 7 dB, JPEG 30) and a hard one (20 px, 3 dB, JPEG 15)
/// read per character and with the true plate among the 60 candidates; and calibrated confidences.
/// </summary>
public static class AccuracyTargets
{
    private static MetricView View(string key)
    {
        foreach (var v in MetricView.All) if (v.Key == key) return v;
        throw new KeyNotFoundException(key);
    }

    public static IReadOnlyList<AccuracyTarget> All { get; } =
    [
        new("clean plates read exactly", 100, null, null, View("exact"), 0.995),
        new("mid: characters", 30, 7, 30, View("char-top1"), 0.97),
        new("mid: true plate in the 60", 30, 7, 30, View("top60"), 0.97),
        new("hard: characters", 20, 3, 15, View("char-top1"), 0.85),
        new("hard: true plate in the 60", 20, 3, 15, View("top60"), 0.75),
        new("calibration", null, null, null, View("ece"), 0.02, AtMost: true),
    ];

    /// <param name="cell">The metrics of the grid cell at (width, SNR, JPEG), or null when the grid has no such cell.</param>
    public static IReadOnlyList<TargetResult> Evaluate(Func<double, double?, int?, Metrics?> cell, Metrics overall)
    {
        var results = new List<TargetResult>(All.Count);
        foreach (var t in All)
        {
            var metrics = t.WidthPx is { } w ? cell(w, t.SnrDb, t.JpegQuality) : overall;
            results.Add(new TargetResult(t, metrics is null ? null : t.Metric.Value(metrics)));
        }
        return results;
    }

    /// <summary>The targets over an evaluation just run.</summary>
    public static IReadOnlyList<TargetResult> Evaluate(EvaluationResult result) => Evaluate((w, s, q) =>
    {
        foreach (var c in result.Cells)
        {
            if (c.Cell.WidthPx == w && c.Cell.SnrDb == s && c.Cell.JpegQuality == q) return c.Metrics;
        }
        return null;
    }, result.Overall);
}
