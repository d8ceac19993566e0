namespace DeepPlate.Training;

/// <summary>
/// A batch of rectified plates ready for the network: inputs [Count, 1, H, W] and the class of every slot
/// [Count, Slots]. Reused through <see cref="BatchSource"/>'s pool, so its arrays are not reallocated per step.
/// </summary>
public sealed class PlateBatch(int capacity, int inputSize, int slots)
{
    public float[] Inputs { get; } = new float[capacity * inputSize];
    public long[] Labels { get; } = new long[capacity * slots];
    /// <summary>How much more often each plate's template is issued than drawn: its loss weight with --issued-prior.</summary>
    public float[] Weights { get; } = new float[capacity];
    public int Count { get; set; }
    /// <summary>The batch's number in the run's stream; sample i of batch b is sample b * capacity + i.</summary>
    public long Number { get; set; }
    /// <summary>The curriculum difficulty it was drawn at.</summary>
    public double Difficulty { get; set; }
}
