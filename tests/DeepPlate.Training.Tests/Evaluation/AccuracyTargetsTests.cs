using DeepPlate.Training.Evaluation;

namespace DeepPlate.Training.Tests.Evaluation;

public sealed class AccuracyTargetsTests
{
    private static Metrics With(double charTop1 = 0, double exact = 0, double top60 = 0, double ece = 0) =>
        new(100, 600, charTop1, charTop1, exact, top60, ece);

    [Fact]
    public void EachTargetReadsItsOwnCellAndMetric()
    {
        var cells = new Dictionary<(double, double?, int?), Metrics>
        {
            [(100, null, null)] = With(exact: 0.996),
            [(30, 7, 30)] = With(charTop1: 0.5, top60: 0.98),
        };
        var results = AccuracyTargets.Evaluate((w, s, q) => cells.GetValueOrDefault((w, s, q)), With(ece: 0.03), ceiling: new CeilingCells("c.json", 30, 144, 288));

        Assert.Equal(["met", "short by 50.0 pp", "short by 0.010"], results.Select(r => r.Verdict));
        Assert.Equal("100 px, no noise, no JPEG", results[0].Target.Condition);
        Assert.Equal("99.6 %", results[0].Shown);
        Assert.Equal(0.5, results[1].Value);

        // The clean cell read on many plates takes the grid's place, and says so.
        var many = AccuracyTargets.Evaluate((w, s, q) => cells.GetValueOrDefault((w, s, q)), With(), clean: With(exact: 0.99) with { Plates = 5000 });
        Assert.Equal("99.0 % (5,000 plates)", many[0].Shown);
        Assert.False(many[0].Met);
    }

    [Fact]
    public void AMissingCellIsNotMeasuredRatherThanMetOrFailed()
    {
        var results = AccuracyTargets.Evaluate((_, _, _) => null, With(ece: 0.01));
        Assert.All(results.SkipLast(1), r => Assert.Equal("not measured", r.Verdict));
        Assert.All(results.SkipLast(1), r => Assert.False(r.Met));
        Assert.True(results[^1].Met);
    }
}
