using ScottPlot;

namespace DeepPlate.Training.Evaluation;

/// <summary>
/// One heat map PNG per metric: a row per SNR x JPEG combination (in the grid's order, top to bottom), a column
/// per plate width, each cell coloured and labelled with its value.
/// </summary>
public static class HeatMaps
{
    private const int ColumnPx = 62;
    private const int RowPx = 22;

    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(EvaluationResult result, string directory)
    {
        var files = new List<string>();
        foreach (var metric in MetricView.All)
        {
            var path = Path.Combine(directory, $"heatmap-{metric.Key}.png");
            Draw(result, metric, path);
            files.Add(path);
        }
        return files;
    }

    private static void Draw(EvaluationResult result, MetricView metric, string path)
    {
        var grid = result.Grid;
        var columns = grid.WidthsPx.Count;
        var rows = grid.SnrsDb.Count * grid.JpegQualities.Count;
        var values = new double[rows, columns];
        // Cells run SNR, JPEG, width (innermost), so a cell's row and column follow from its index.
        foreach (var r in result.Cells) values[r.Cell.Index / columns, r.Cell.Index % columns] = metric.Value(r.Metrics);

        var plot = new Plot();
        var map = plot.Add.Heatmap(values);
        // Bright is good on every map: ECE's scale runs the other way.
        IColormap colours = new ScottPlot.Colormaps.Viridis();
        map.Colormap = metric.HigherIsBetter ? colours : colours.Reversed();
        map.ManualRange = new ScottPlot.Range(0, metric.ScaleMax);
        map.Rectangle = new CoordinateRect(0, columns, 0, rows);
        var bar = plot.Add.ColorBar(map);
        bar.Label = metric.Percent ? "fraction" : metric.Title.ToLowerInvariant();

        var bottom = new ScottPlot.TickGenerators.NumericManual();
        for (var c = 0; c < columns; c++) bottom.AddMajor(c + 0.5, grid.WidthsPx[c].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var left = new ScottPlot.TickGenerators.NumericManual();
        var cells = grid.Cells;
        for (var r = 0; r < rows; r++)
        {
            var cell = cells[r * columns];
            left.AddMajor(rows - r - 0.5, $"{cell.SnrLabel}, {cell.JpegLabel}");
            for (var c = 0; c < columns; c++)
            {
                var v = values[r, c];
                var text = plot.Add.Text(metric.Format(v), c + 0.5, rows - r - 0.5);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 11;
                // Dark text on the light end of the scale, light text on the dark end.
                var light = (metric.HigherIsBetter ? v : metric.ScaleMax - v) > 0.6 * metric.ScaleMax;
                text.LabelFontColor = light ? Colors.Black : Colors.White;
            }
        }
        plot.Axes.Bottom.TickGenerator = bottom;
        plot.Axes.Left.TickGenerator = left;
        plot.Axes.SetLimits(0, columns, 0, rows);
        plot.HideGrid();
        plot.Title($"{metric.Title}{metric.Unit}");
        plot.XLabel("plate width (px)");
        plot.YLabel("SNR, JPEG quality");
        plot.SavePng(path, 170 + columns * ColumnPx + 110, 90 + rows * RowPx + 60);
    }
}
