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

    protected override void Dispose(bool disposing)
    {
        if (disposing) one.Dispose();
        base.Dispose(disposing);
    }
}
