using DeepPlate.Formats;
using DeepPlate.Synth;
using DeepPlate.Training.Evaluation;

namespace DeepPlate.Training.Tests.Evaluation;

/// <summary>The standard grid as documented, and the same plates in every cell.</summary>
public sealed class EvaluationGridTests
{
    [Fact]
    public void The_standard_grid_has_the_documented_axes_and_fixed_levels()
    {
        var grid = EvaluationGrid.Standard;
        Assert.Equal([12.0, 16, 20, 25, 30, 40, 60, 100], grid.WidthsPx);
        Assert.Equal([-3.0, 0, 3, 7, 20, null], grid.SnrsDb);
        Assert.Equal([null, 95, 55, 30, 15, 5], grid.JpegQualities);
        Assert.Equal(8 * 6 * 6, grid.CellCount);
        Assert.Equal(0x4556414CUL, grid.Seed);

        var d = grid.At(new GridCell(0, 30, 7, 30));
        Assert.Equal(new Degradations(WidthPx: 30, YawDeg: 15, PitchDeg: 5, RollDeg: 0, BlurSigmaPx: 0.5, MotionLengthPx: 0,
            MotionAngleDeg: 0, Brightness: 0, Contrast: 1, Gamma: 1, UnevenLight: 0, UnevenLightAngleDeg: 0, SnrDb: 7,
            JpegQuality: 30, ClickErrorPx: 0.6), d with { ClickErrorPx = Math.Round(d.ClickErrorPx, 9) });
        var clean = grid.At(new GridCell(0, 100, null, null));
        Assert.Null(clean.SnrDb);
        Assert.Null(clean.JpegQuality);
    }

    [Fact]
    public void Cells_run_snr_then_jpeg_then_width_and_are_numbered_in_order()
    {
        var cells = EvaluationGrid.Standard.Cells;
        Assert.Equal(EvaluationGrid.Standard.CellCount, cells.Count);
        for (var i = 0; i < cells.Count; i++) Assert.Equal(i, cells[i].Index);
        Assert.Equal(new GridCell(0, 12, -3, null), cells[0]);
        Assert.Equal(new GridCell(1, 16, -3, null), cells[1]);
        Assert.Equal(new GridCell(8, 12, -3, 95), cells[8]);
        Assert.Equal(new GridCell(287, 100, null, 5), cells[^1]);
        Assert.Equal(cells.Count, cells.Distinct().Count());
    }

    [Theory]
    [InlineData("de")]
    [InlineData("us")]
    public void Plate_i_has_the_same_text_and_place_in_every_cell(string country)
    {
        var grid = EvaluationGrid.Standard;
        GridCell[] cells = [grid.Cells[0], grid.Cells[100], grid.Cells[^1]];
        using var generator = new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default);
        var texts = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            var seen = cells.Select(c =>
            {
                using var p = generator.Generate(country, null, grid.Seed, i, fix: _ => grid.At(c));
                Assert.Equal(grid.At(c), p.Degradations);
                return (p.Text.Text, p.Text.Template.QualifiedId, p.Variant);
            }).Distinct().ToList();
            Assert.Single(seen);
            texts.Add(seen[0].Text);
        }
        Assert.True(texts.Count >= 4, "different indices give different plates");
    }
}
