namespace DeepPlate.Training;

/// <summary>
/// Where a run is along its length (0 to 1) decides the learning rate and the degradation difficulty, so a run
/// sized in samples and one sized in minutes follow the same curves.
/// </summary>
public static class Schedule
{
    /// <summary>Linear warm-up to the peak, then cosine decay to the final fraction of it.</summary>
    public static double LearningRate(TrainOptions o, double progress)
    {
        progress = Math.Clamp(progress, 0, 1);
        if (progress < o.Warmup) return o.LearningRate * (progress + 1e-3) / (o.Warmup + 1e-3);
        var t = o.Warmup >= 1 ? 1 : (progress - o.Warmup) / (1 - o.Warmup);
        var floor = o.FinalLearningRate;
        return o.LearningRate * (floor + (1 - floor) * 0.5 * (1 + Math.Cos(Math.PI * t)));
    }

    /// <summary>
    /// The curriculum: from <see cref="TrainOptions.CurriculumStart"/> up to full difficulty at
    /// <see cref="TrainOptions.CurriculumEnd"/>, then full ranges (full degradation from the first step barely
    /// converges; ../shared/research/platform-notes.md §3.7).
    /// </summary>
    public static double Difficulty(TrainOptions o, double progress)
    {
        var t = Math.Clamp(progress / o.CurriculumEnd, 0, 1);
        return o.CurriculumStart + (1 - o.CurriculumStart) * t;
    }
}
