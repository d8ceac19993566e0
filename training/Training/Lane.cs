using TorchSharp.Modules;

namespace DeepPlate.Training;

/// <summary>
/// One country of a run: its folder (a complete run folder of that country: options, network, metrics, checkpoint,
/// model), its network (in a joint run the convolutions are shared with the other lanes, the head is its own), its
/// optimiser, its stream of batches and its validation set. A run of one country has one lane, in the run's folder.
/// </summary>
internal sealed class Lane(TrainOptions options, RunFolder run, PlateNet net) : IDisposable
{
    public TrainOptions Options => options;
    public RunFolder Run => run;
    public PlateNet Net => net;
    public string Country => options.Country;

    public AdamW Optimizer { get; set; } = null!;

    /// <summary>The bfloat16 copy that computes the steps (<c>--precision bfloat16</c>), or null.</summary>
    public BFloat16Shadow? Shadow { get; set; }

    /// <summary>The moving average of the weights (<c>--average</c>), or null.</summary>
    public WeightAverage? Average { get; set; }
    public BatchSource Source { get; set; } = null!;
    public float[] ValidationInputs { get; set; } = [];
    public long[] ValidationLabels { get; set; } = [];

    /// <summary>Optimiser steps and samples of this country (in a joint run, a share of the run's).</summary>
    public long Step { get; set; }
    public long Samples { get; set; }
    public ValidationResult? Validation { get; set; }

    private double lossSum;
    private int lossCount;

    public void AddLoss(float loss)
    {
        lossSum += loss;
        lossCount++;
    }

    /// <summary>The mean training loss since the last call (NaN when the lane took no step since).</summary>
    public double TakeMeanLoss()
    {
        var mean = lossCount == 0 ? double.NaN : lossSum / lossCount;
        (lossSum, lossCount) = (0, 0);
        return mean;
    }

    public void Dispose()
    {
        Source?.Dispose();
        Optimizer?.Dispose();
        Shadow?.Dispose();
        Average?.Dispose();
        net.Dispose();
    }
}
