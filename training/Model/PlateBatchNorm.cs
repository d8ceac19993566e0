using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepPlate.Training;

/// <summary>
/// 2-D batch normalisation with the state of TorchSharp's BatchNorm2d (weight, bias, running_mean, running_var,
/// num_batches_tracked: checkpoints and the exporter see the same names), written out so that no temporary
/// <see cref="Scalar"/> crosses into native code.
/// </summary>
/// <remarks>
/// TorchSharp's BatchNorm.forward runs <c>num_batches_tracked.add_(1)</c>: the 1 becomes a Scalar that nothing
/// references once its handle is read, so the finalizer thread may free it while libtorch is still reading it. After
/// some hours of steps that killed a run with "Expected false to be true" from c10::Scalar::toLong. Here the Scalar
/// lives as long as the module.
/// </remarks>
public sealed class PlateBatchNorm : nn.Module<Tensor, Tensor>
{
    private const double Momentum = 0.1;
    private const double Epsilon = 1e-5;

    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly Tensor runningMean;
    private readonly Tensor runningVar;
    private readonly Tensor batchesTracked;
    private readonly Scalar one = 1L;

    public PlateBatchNorm(long channels) : base(nameof(PlateBatchNorm))
    {
        weight = new Parameter(ones(channels));
        bias = new Parameter(zeros(channels));
        runningMean = zeros(channels);
        runningVar = ones(channels);
        batchesTracked = zeros(1, dtype: ScalarType.Int64).squeeze();
        register_parameter("weight", weight);
        register_parameter("bias", bias);
        register_buffer("running_mean", runningMean);
        register_buffer("running_var", runningVar);
        register_buffer("num_batches_tracked", batchesTracked);
    }

    public override Tensor forward(Tensor input)
    {
        if (training)
        {
            using var _ = no_grad();
            batchesTracked.add_(one, one);
        }
        return nn.functional.batch_norm(input, runningMean, runningVar, weight, bias, training, Momentum, Epsilon);
    }

    /// <summary>
    /// Takes <paramref name="mean"/> and <paramref name="variance"/> (per channel) as its running statistics and
    /// changes its scale and shift so that eval mode computes exactly what it did before. Training mode, which
    /// normalises by the batch's own statistics, then computes the same on batches like the one measured.
    /// </summary>
    internal void TakeStatistics(Tensor mean, Tensor variance)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var before = (runningVar + Epsilon).sqrt();
        var after = (variance + Epsilon).sqrt();
        bias.add_((mean - runningMean) * weight / before);
        weight.mul_(after / before);
        runningMean.copy_(mean);
        runningVar.copy_(variance);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) one.Dispose();
        base.Dispose(disposing);
    }
}
