using DeepPlate.Training;

namespace DeepPlate.Training.Tests.Training;

public sealed class ScheduleTests
{
    private static readonly TrainOptions Options = new() { Country = "de", LearningRate = 1e-3, Warmup = 0.1, FinalLearningRate = 0.05, CurriculumStart = 0.2, CurriculumEnd = 0.5 };

    [Fact]
    public void LearningRateWarmsUpPeaksAndDecaysToItsFloor()
    {
        Assert.True(Schedule.LearningRate(Options, 0) < 0.05 * Options.LearningRate);
        Assert.Equal(Options.LearningRate, Schedule.LearningRate(Options, 0.1), 12);
        Assert.Equal(0.05 * Options.LearningRate, Schedule.LearningRate(Options, 1), 12);
        var previous = double.MaxValue;
        for (var p = 0.1; p <= 1; p += 0.05)
        {
            var lr = Schedule.LearningRate(Options, p);
            Assert.True(lr <= previous + 1e-15);
            previous = lr;
        }
    }

    [Fact]
    public void CurriculumWidensToFullDifficultyAndStaysThere()
    {
        Assert.Equal(0.2, Schedule.Difficulty(Options, 0), 12);
        Assert.Equal(0.6, Schedule.Difficulty(Options, 0.25), 12);
        Assert.Equal(1, Schedule.Difficulty(Options, 0.5), 12);
        Assert.Equal(1, Schedule.Difficulty(Options, 0.9), 12);
    }
}
