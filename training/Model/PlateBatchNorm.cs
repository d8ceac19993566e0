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
/// The fields carry the names they are registered under: <c>Module.to(dtype)</c> replaces a registered tensor and
/// sets the field of that name, so a module converted to bfloat16 and back (a mixed-precision shadow,
/// <see cref="BFloat16Shadow"/>) computes with what it was converted to. An input of another floating type than the
/// module's (bfloat16 into a float32 batch norm) is normalised in the module's type and returned in its own.
/// TorchSharp's BatchNorm.forward runs <c>num_batches_tracked.add_(1)</c>: the 1 becomes a Scalar that nothing
/// references once its handle is read, so the finalizer thread may free it while libtorch is still reading it. After
/// some hours of steps that killed a run with "Expected false to be true" from c10::Scalar::toLong. Here the Scalar
/// lives as long as the module.
/// </remarks>
public sealed class PlateBatchNorm : nn.Module<Tensor, Tensor>
{
    private const double Momentum = 0.1;
    private const double Epsilon = 1e-5;

    // Field names as registered (see the remarks).
#pragma warning disable IDE1006
    private Parameter weight;
    private Parameter bias;
    private Tensor running_mean;
    private Tensor running_var;
    private Tensor num_batches_tracked;
#pragma warning restore IDE1006
    private readonly Scalar one = 1L;

    public PlateBatchNorm(long channels) : base(nameof(PlateBatchNorm))
    {
        weight = new Parameter(ones(channels));
        bias = new Parameter(zeros(channels));
        running_mean = zeros(channels);
        running_var = ones(channels);
        num_batches_tracked = zeros(1, dtype: ScalarType.Int64).squeeze();
        register_parameter(nameof(weight), weight);
        register_parameter(nameof(bias), bias);
        register_buffer(nameof(running_mean), running_mean);
        register_buffer(nameof(running_var), running_var);
        register_buffer(nameof(num_batches_tracked), num_batches_tracked);
    }

    public override Tensor forward(Tensor input)
    {
        if (training)
        {
            using var _ = no_grad();
            num_batches_tracked.add_(one, one);
        }
        if (input.dtype == weight.dtype) return nn.functional.batch_norm(input, running_mean, running_var, weight, bias, training, Momentum, Epsilon);
        using var same = input.to_type(weight.dtype);
        using var normalised = nn.functional.batch_norm(same, running_mean, running_var, weight, bias, training, Momentum, Epsilon);
        return normalised.to_type(input.dtype);
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
        var before = (running_var + Epsilon).sqrt();
        var after = (variance + Epsilon).sqrt();
        bias.add_((mean - running_mean) * weight / before);
        weight.mul_(after / before);
        running_mean.copy_(mean);
        running_var.copy_(variance);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) one.Dispose();
        base.Dispose(disposing);
    }
}
