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
            [(20, 3, 15)] = With(charTop1: 0.9, top60: 0.70),
        };
        var results = AccuracyTargets.Evaluate((w, s, q) => cells.GetValueOrDefault((w, s, q)), With(ece: 0.03));

        Assert.Equal(["met", "short by 47.0 pp", "met", "met", "short by 5.0 pp", "short by 0.010"], results.Select(r => r.Verdict));
        Assert.Equal(0.5, results[1].Value);
        Assert.Equal("30 px, 7 dB, Q 30", results[1].Target.Condition);
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
