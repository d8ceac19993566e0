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

    /// <summary>What the figure is over, when it is not the target's cell as the grid measured it ("5,000 plates",
    /// "53 of 288 cells").</summary>
    public string? Note { get; init; }

    public string Shown => Value is { } v ? Target.Metric.Format(v) + (Target.Metric.Percent ? " %" : "") + (Note is null ? "" : $" ({Note})") : "n/a";

    public string Verdict => Value is null ? "not measured" : Met ? "met" : $"short by {Shortfall.ToString(Target.Metric.Percent ? "F1" : "F3", CultureInfo.InvariantCulture)}{(Target.Metric.Percent ? " pp" : "")}";
}

/// <summary>
/// The accuracy every shipped country model is held to (issues 17 and 18): clean wide plates read exactly, measured
/// on many plates (<c>eval --clean-samples</c>, 5,000 by default); every cell of the grid at least
/// <see cref="CeilingShare"/> of what the ideal observer reads there (<c>deepplate ceiling</c>: an absolute target
/// for a degraded cell may be beyond what any reader can do, a share of the observer never is); calibrated
/// confidences. (The absolute mid and hard cell targets of issue 9 gave way to the share of the observer.)
/// </summary>
public static class AccuracyTargets
{
    /// <summary>The share of the ideal observer's character accuracy every cell must reach.</summary>
    public const double CeilingShare = 0.9;

    private static MetricView View(string key)
    {
        foreach (var v in MetricView.All) if (v.Key == key) return v;
        throw new KeyNotFoundException(key);
    }

    /// <summary>The ceiling target's measure: the share of cells at <see cref="CeilingShare"/> of the observer (read off
    /// <see cref="CeilingCells"/>, not off a cell's metrics).</summary>
    public static readonly MetricView CellsAtCeiling = new("ceiling-cells", "Cells at 90 % of the ideal observer's characters", "cells %", _ => double.NaN, true, 1, true);

    public static IReadOnlyList<AccuracyTarget> All { get; } =
    [
        new("clean plates read exactly", 100, null, null, View("exact"), 0.995),
        new("every cell at 90 % of the ideal observer", null, null, null, CellsAtCeiling, 1),
        new("calibration", null, null, null, View("ece"), 0.02, AtMost: true),
    ];

    /// <param name="cell">The metrics of the grid cell at (width, SNR, JPEG), or null when the grid has no such cell.</param>
    /// <param name="clean">The clean cell on many plates (the clean target then uses it), or null.</param>
    /// <param name="ceiling">The grid against the ideal observer, or null (its target is then not measured).</param>
    public static IReadOnlyList<TargetResult> Evaluate(Func<double, double?, int?, Metrics?> cell, Metrics overall, Metrics? clean = null, CeilingCells? ceiling = null)
    {
        var results = new List<TargetResult>(All.Count);
        foreach (var t in All)
        {
            if (ReferenceEquals(t.Metric, CellsAtCeiling))
            {
                results.Add(new TargetResult(t, ceiling?.Share) { Note = ceiling is { } c ? $"{c.Met} of {c.Cells} cells" : null });
                continue;
            }
            var many = clean is not null && t.WidthPx == 100 && t.SnrDb is null && t.JpegQuality is null;
            var metrics = many ? clean : t.WidthPx is { } w ? cell(w, t.SnrDb, t.JpegQuality) : overall;
            results.Add(new TargetResult(t, metrics is null ? null : t.Metric.Value(metrics)) { Note = many ? string.Create(CultureInfo.InvariantCulture, $"{clean!.Plates:N0} plates") : null });
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
    }, result.Overall, result.Clean, result.Ceiling);
}
