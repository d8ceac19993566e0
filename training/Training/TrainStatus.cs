namespace DeepPlate.Training;

/// <summary>What a running training reports after every step (for the progress bar and the log).</summary>
/// <param name="Progress">Fraction of the run done (samples or minutes).</param>
/// <param name="Loss">The step's loss; NaN when the step was skipped (<see cref="TrainingStep.Run"/>).</param>
/// <param name="Validation">The latest validation, or null before the first.</param>
/// <param name="Skipped">Steps skipped so far by this process because their loss or gradients were not finite.</param>
public sealed record TrainStatus(
    long Step, long Samples, double Progress, double SamplesPerSecond, double Loss, double LearningRate,
    double Difficulty, TimeSpan Elapsed, TimeSpan Remaining, ValidationResult? Validation, bool Validated, long Skipped = 0);
