using System.Globalization;
using System.Text;
using DeepPlate.Formats;

namespace DeepPlate.Training.Evaluation;

/// <summary>
/// docs/accuracy.md's measured part, written from each shipped model's eval.json: every country against the
/// targets, then per country its standard grid (character top-1 and true plate in the 60, as tables and heat maps)
/// and its most confused characters. The page's own prose (the comparison with the literature, the reasons for
/// shortfalls) lives outside the markers and is kept as it is.
/// </summary>
public static class AccuracyPage
{
    public const string Begin = "<!-- measured: written by `deepplate accuracy`, do not edit by hand -->";
    public const string End = "<!-- end of measured -->";

    private static readonly string[] GridMetrics = ["char-top1", "top60"];

    /// <param name="evalFolders">One `deepplate eval` folder per country.</param>
    /// <param name="page">The page; its text outside the markers is kept (the markers are appended when missing).</param>
    /// <param name="figures">Where the heat maps are copied, relative to the page's folder in the links.</param>
    /// <param name="ceilings">A folder with <c>&lt;cc&gt;/ceiling.json</c> of <c>deepplate ceiling</c>, or null: each
    /// country that has one gets its measured character accuracy as a share of the ideal observer's, per cell.</param>
    public static void Write(IReadOnlyList<string> evalFolders, string page, string figures, string? ceilings = null)
    {
        var evals = new List<(string Folder, EvalJson.Document Eval)>();
        foreach (var folder in evalFolders) evals.Add((folder, EvalJson.Read(Path.Combine(folder, "eval.json"))));
        if (evals.FirstOrDefault(e => e.Eval.Appearance != "plain") is { Folder: not null } varied)
            throw new ArgumentException($"{varied.Folder}: plates of the {varied.Eval.Appearance} appearance; the page shows the standard grid (plain plates)");
        evals.Sort((a, b) => string.CompareOrdinal(a.Eval.Model.Info.Country, b.Eval.Model.Info.Country));
        Directory.CreateDirectory(figures);
        var pageDir = Path.GetDirectoryName(Path.GetFullPath(page))!;
        var relative = Path.GetRelativePath(pageDir, figures).Replace('\\', '/');

        var md = new StringBuilder();
        md.Line(Begin).Line().Line("## Every country against the targets").Line();
        var header = new StringBuilder("| country | samples/cell |");
        var rule = new StringBuilder("|---|---:|");
        foreach (var t in AccuracyTargets.All)
        {
            header.Append($" {t.Name}: {t.Goal} |");
            rule.Append("---:|");
        }
        md.Line(header.ToString()).Line(rule.ToString());
        foreach (var (_, e) in evals)
        {
            var row = new StringBuilder($"| {Name(e.Model.Info.Country)} | {e.SamplesPerCell} |");
            foreach (var r in e.Targets()) row.Append($" {r.Shown}{(r.Met ? " ✓" : "")} |");
            md.Line(row.ToString());
        }

        foreach (var (folder, e) in evals)
        {
            var cc = e.Model.Info.Country;
            md.Line().Line($"## {Name(cc)}").Line()
                .Line($"Model card: [inference/models/{cc}.md](../inference/models/{cc}.md). Overall: character top-1 {P(e.Overall.CharTop1)} %, " +
                      $"exact {P(e.Overall.Exact)} %, true plate in the 60 {P(e.Overall.Top60)} %, ECE {e.Overall.Ece.ToString("F3", CultureInfo.InvariantCulture)}.")
                .Line();
            TargetsMarkdown.Append(md, e.Targets());
            foreach (var key in GridMetrics)
            {
                var view = MetricView.All.First(v => v.Key == key);
                md.Line().Line($"### {view.Title}{view.Unit}").Line();
                AppendGrid(md, e, view);
                var source = Path.Combine(folder, $"heatmap-{key}.png");
                if (File.Exists(source))
                {
                    var name = $"{cc}-{key}.png";
                    File.Copy(source, Path.Combine(figures, name), overwrite: true);
                    md.Line().Line($"![{Name(cc)}: {view.Title.ToLowerInvariant()}]({relative}/{name})");
                }
            }
            var ceilingJson = ceilings is null ? null : Path.Combine(ceilings, cc, "ceiling.json");
            if (ceilingJson is not null && File.Exists(ceilingJson)) AppendCeiling(md, e, Ceiling.CeilingResult.ReadJson(ceilingJson), ceilingJson);
            md.Line().Line("### Most confused characters").Line()
                .Line("| true | read as | count | share of the true character |").Line("|---|---|---:|---:|");
            var pairs = e.Characters.MostConfused;
            for (var i = 0; i < Math.Min(10, pairs.Count); i++)
            {
                var p = pairs[i];
                md.Line($"| {p.True} | {(p.Predicted is { } c ? c.ToString() : "none")} | {p.Count} | {P(p.Share)} % |");
            }
        }
        md.Line().Line(End);

        var text = File.Exists(page) ? File.ReadAllText(page) : "";
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = begin >= 0 && end > begin
            ? text[..begin] + md.ToString().TrimEnd('\n') + text[(end + End.Length)..]
            : text + (text.Length > 0 ? "\n" : "") + md;
        File.WriteAllText(page, text);
    }

    private static void AppendCeiling(StringBuilder md, EvalJson.Document e, Ceiling.CeilingResult ceiling, string file)
    {
        var ratios = e.Cells.Select(c => (Cell: c, Ratio: CeilingCells.Ratio(c.CharTop1, ceiling.At(c.WidthPx, c.SnrDb, c.JpegQuality)))).ToList();
        var (met, _) = CeilingCells.Count(e.Cells.Select(c => (c.WidthPx, c.SnrDb, c.JpegQuality, c.CharTop1)), ceiling);
        md.Line().Line("### Against the ideal observer").Line()
            .Line($"Character top-1 accuracy as a share of the ideal observer's (`deepplate ceiling`, {ceiling.SamplesPerCell} plates a cell, " +
                  $"`{file.Replace('\\', '/')}`), in %. Target: at least {P(AccuracyTargets.CeilingShare)} % in every cell; met in {met} of {ratios.Count} cells. " +
                  "Where the observer itself reads little, both figures are close to chance and the share says little.")
            .Line();
        ceiling.Table(md, c =>
        {
            var r = ratios.First(x => x.Cell.WidthPx == c.WidthPx && x.Cell.SnrDb == c.SnrDb && x.Cell.JpegQuality == c.JpegQuality).Ratio;
            return r is { } v ? P(v) : "–";
        });
    }

    private static void AppendGrid(StringBuilder md, EvalJson.Document e, MetricView view)
    {
        var widths = e.Grid.WidthsPx;
        var header = new StringBuilder("| SNR | JPEG |");
        var rule = new StringBuilder("|---|---|");
        foreach (var w in widths)
        {
            header.Append($" {w.ToString(CultureInfo.InvariantCulture)} px |");
            rule.Append("---:|");
        }
        md.Line(header.ToString()).Line(rule.ToString());
        for (var first = 0; first < e.Cells.Count; first += widths.Count)
        {
            var c0 = e.Cells[first];
            var cell = new GridCell(0, c0.WidthPx, c0.SnrDb, c0.JpegQuality);
            var row = new StringBuilder($"| {cell.SnrLabel} | {cell.JpegLabel} |");
            for (var c = 0; c < widths.Count && first + c < e.Cells.Count; c++) row.Append($" {view.Format(view.Value(e.Cells[first + c].Metrics))} |");
            md.Line(row.ToString());
        }
    }

    private static string Name(string cc) => $"{FormatRegistry.Default.Country(cc).Name} ({cc})";

    private static string P(double rate) => (100 * rate).ToString("F1", CultureInfo.InvariantCulture);
}
