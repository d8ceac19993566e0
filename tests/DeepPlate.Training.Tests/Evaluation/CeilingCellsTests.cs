using DeepPlate.Training.Evaluation;
using DeepPlate.Training.Evaluation.Ceiling;

namespace DeepPlate.Training.Tests.Evaluation;

/// <summary>A cell meets the ideal observer's target at 90 % of its character accuracy, never where it reads nothing.</summary>
public sealed class CeilingCellsTests
{
    [Fact]
    public void Cells_are_counted_at_ninety_per_cent_of_the_observer()
    {
        var ceiling = new CeilingResult("de", 10, "0x1",
        [
            new CeilingCell(100, null, null, 100, 100),  // observer 100 %
            new CeilingCell(20, 3, 15, 100, 40),         // observer 40 %
            new CeilingCell(12, -3, 5, 100, 0),          // observer reads nothing
        ]);
        var (met, cells) = CeilingCells.Count(
        [
            (100, null, null, 0.91),   // 91 % of it: met
            (20, 3, 15, 0.35),         // 87.5 %: not
            (12, -3, 5, 0.05),         // no ratio: not
            (60, null, 30, 0.99),      // a cell the ceiling lacks: not
        ], ceiling);
        Assert.Equal((1, 4), (met, cells));
        Assert.Equal(0.875, CeilingCells.Ratio(0.35, ceiling.At(20, 3, 15))!.Value, 12);
        Assert.Null(CeilingCells.Ratio(0.05, ceiling.At(12, -3, 5)));
        Assert.Equal(0.25, new CeilingCells("x", 10, 1, 4).Share);
    }

    [Fact]
    public void The_target_is_every_cell()
    {
        var target = AccuracyTargets.Evaluate((_, _, _) => null, new Metrics(1, 1, 1, 1, 1, 1, 0), null, new CeilingCells("x", 10, 287, 288))[1];
        Assert.False(target.Met);
        Assert.Equal("99.7 % (287 of 288 cells)", target.Shown);
        Assert.True(AccuracyTargets.Evaluate((_, _, _) => null, new Metrics(1, 1, 1, 1, 1, 1, 0), null, new CeilingCells("x", 10, 288, 288))[1].Met);
    }
}
