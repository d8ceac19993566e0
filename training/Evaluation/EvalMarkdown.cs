using System.Globalization;
using System.Text;

namespace DeepPlate.Training.Evaluation;

/// <summary>
/// eval.md: what was evaluated, the overall figures, one table per metric (a row per SNR x JPEG combination, a
/// column per plate width, as on the heat maps) and the most confused characters.
/// </summary>
public static class EvalMarkdown
{
    /// <summary>How many confused pairs the report lists.</summary>
    public const int ConfusedPairs = 20;

    public static void Write(EvaluationResult result, CharacterConfusion confusion, string modelPath, string path)
    {
        var md = new StringBuilder();
        var m = result.Model;
        var g = result.Grid;
        var f = g.Fixed;
        md.Line($"# Evaluation of {Path.GetFileName(modelPath)}")
            .Line()
            .Line($"- Model: country `{m.Country}`, alphabet `{m.Alphabet}` + no character, {m.Slots} slots, input {m.InputHeight}×{m.InputWidth}, temperature {N(m.Temperature, "F3")}.")
            .Line($"- Training: {m.Training}")
            .Line($"- Calibration (from the model's metadata): ECE {N(m.EceBefore, "F4")} before, {N(m.EceAfter, "F4")} after temperature scaling.");
        if (result.FormatsChanged) md.Line("- **The country's format files have changed since the model was trained.**");
        if (result.Appearance != "plain") md.Line($"- Plates drawn with the {result.Appearance} appearance (`--appearance`), not the grid's plain one: not comparable with the standard grid.");
        if (result.CornerSets > 1) md.Line($"- Each plate read with {result.CornerSets} corner sets around the clicked ones, fused (`--corner-sets`, `CornerJitter`).");
        md.Line($"- Grid: {g.CellCount} cells × {result.SamplesPerCell} plates (seed 0x{g.Seed:X}, the same plates in every cell); " +
                $"fixed: blur σ {N(f.BlurSigmaPx)} px, motion {N(f.MotionLengthPx)} px, yaw {N(f.YawDeg)}°, pitch {N(f.PitchDeg)}°, roll {N(f.RollDeg)}°, " +
                $"brightness {N(f.Brightness)}, contrast {N(f.Contrast)}, gamma {N(f.Gamma)}, uneven light {N(f.UnevenLight)}, " +
                $"click error {N(100 * g.ClickErrorFraction)} % of the width.")
            .Line("- Character accuracies count the true plate's characters only; exact plates need every slot right, blank slots included; " +
                  "ECE is over every slot.")
            .Line()
            .Line("## Overall")
            .Line()
            .Line("| metric | value |")
            .Line("|---|---:|");
        foreach (var view in MetricView.All) md.Line($"| {view.Title}{view.Unit} | {view.Format(view.Value(result.Overall))} |");
        md.Line($"| plates / characters | {result.Overall.Plates} / {result.Overall.Characters} |")
            .Line()
            .Line($"Microsoft.ML over the same characters: top-1 {P(confusion.TopKAccuracy[0])} %, top-2 {P(confusion.TopKAccuracy[1])} %, " +
                  $"top-3 {P(confusion.TopKAccuracy[2])} %, macro accuracy {P(confusion.MacroAccuracy)} %, log-loss {N(confusion.LogLoss, "F3")}.");

        md.Line().Line("## Targets").Line();
        TargetsMarkdown.Append(md, AccuracyTargets.Evaluate(result));

        var columns = g.WidthsPx.Count;
        foreach (var view in MetricView.All)
        {
            md.Line().Line($"## {view.Title}{view.Unit}").Line();
            var header = new StringBuilder("| SNR | JPEG |");
            var rule = new StringBuilder("|---|---|");
            foreach (var w in g.WidthsPx)
            {
                header.Append($" {N(w)} px |");
                rule.Append("---:|");
            }
            md.Line(header.ToString()).Line(rule.ToString());
            for (var first = 0; first < result.Cells.Count; first += columns)
            {
                var cell = result.Cells[first].Cell;
                var row = new StringBuilder($"| {cell.SnrLabel} | {cell.JpegLabel} |");
                for (var c = 0; c < columns; c++) row.Append($" {view.Format(view.Value(result.Cells[first + c].Metrics))} |");
                md.Line(row.ToString());
            }
        }

        md.Line().Line($"## Most confused characters (top {ConfusedPairs})").Line()
            .Line("All cells together; \"none\" means the character was read as no character. The full matrix is in confusion.csv.")
            .Line()
            .Line("| true | read as | count | share of the true character |")
            .Line("|---|---|---:|---:|");
        foreach (var p in confusion.MostConfused(ConfusedPairs))
        {
            md.Line($"| {p.True} | {(p.Predicted is { } c ? c.ToString() : "none")} | {p.Count} | {P(p.Share)} % |");
        }
        File.WriteAllText(path, md.ToString());
    }

    private static string N(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string P(double rate) => N(100 * rate, "F1");

    // Markdown wants "\n" line ends on every platform.
    internal static StringBuilder Line(this StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
