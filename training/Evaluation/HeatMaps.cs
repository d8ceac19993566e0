using System.Globalization;
using ScottPlot;

namespace DeepPlate.Training.Evaluation;

/// <summary>
/// One heat map PNG per metric: a row per SNR x JPEG combination (in the grid's order, top to bottom, a line
/// between SNR levels), a column per plate width, each cell coloured and labelled with its value. Colour scales are
/// fixed (<see cref="MetricView.ScaleMax"/>) and bright is good on every map, so maps of two models compare by eye.
/// </summary>
public static class HeatMaps
{
    private const int ColumnPx = 52;
    private const int RowPx = 19;

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
        var perSnr = grid.JpegQualities.Count;
        var rows = grid.SnrsDb.Count * perSnr;
        var top = metric.Shown(metric.ScaleMax);
        var values = new double[rows, columns];
        // Cells run SNR, JPEG, width (innermost), so a cell's row and column follow from its index.
        foreach (var r in result.Cells) values[r.Cell.Index / columns, r.Cell.Index % columns] = metric.Shown(metric.Value(r.Metrics));

        var plot = new Plot();
        var map = plot.Add.Heatmap(values);
        IColormap colours = new ScottPlot.Colormaps.Viridis();
        map.Colormap = metric.HigherIsBetter ? colours : colours.Reversed();
        map.ManualRange = new ScottPlot.Range(0, top);
        map.Rectangle = new CoordinateRect(0, columns, 0, rows);
        var bar = plot.Add.ColorBar(map);
        bar.Label = metric.Short;
        var barTicks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i <= 5; i++) barTicks.AddMajor(top * i / 5, (top * i / 5).ToString(metric.Percent ? "F0" : "F2", CultureInfo.InvariantCulture));
        bar.Axis.TickGenerator = barTicks;

        var bottom = new ScottPlot.TickGenerators.NumericManual();
        for (var c = 0; c < columns; c++) bottom.AddMajor(c + 0.5, grid.WidthsPx[c].ToString(CultureInfo.InvariantCulture));
        var left = new ScottPlot.TickGenerators.NumericManual();
        var cells = grid.Cells;
        for (var r = 0; r < rows; r++)
        {
            var y = rows - r - 0.5;
            var cell = cells[r * columns];
            left.AddMajor(y, $"{cell.SnrLabel}, {cell.JpegLabel}");
            for (var c = 0; c < columns; c++)
            {
                var text = plot.Add.Text(metric.FormatShort(metric.Value(result.Cells[r * columns + c].Metrics)), c + 0.5, y);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 10;
                // Dark digits on the bright (good) end of the scale, light digits on the dark end.
                var goodness = metric.HigherIsBetter ? values[r, c] : top - values[r, c];
                text.LabelFontColor = goodness > 0.55 * top ? Colors.Black : Colors.White;
            }
            if (r > 0 && r % perSnr == 0) plot.Add.HorizontalLine(rows - r, 2, Colors.White);
        }
        plot.Axes.Bottom.TickGenerator = bottom;
        plot.Axes.Left.TickGenerator = left;
        plot.Axes.SetLimits(0, columns, 0, rows);
        plot.HideGrid();
        plot.Title($"{metric.Title}{metric.Unit}, {result.Model.Country}, {result.SamplesPerCell} plates a cell");
        plot.XLabel("plate width (px)");
        plot.YLabel("SNR, JPEG quality");
        plot.SavePng(path, 150 + columns * ColumnPx + 100, 80 + rows * RowPx + 50);
    }
}
