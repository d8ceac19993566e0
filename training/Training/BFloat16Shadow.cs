using TorchSharp;
using static TorchSharp.torch;

namespace DeepPlate.Training;

/// <summary>
/// Mixed-precision training by hand (<c>--precision bfloat16</c>; TorchSharp 0.107 has no autocast): a bfloat16 copy
/// of the network computes each step's forward and backward passes, where this CPU's bfloat16 convolutions are faster,
/// and the float32 network keeps the weights, the gradients the optimiser reads, and everything that is saved,
/// validated and exported. The copy's batch norms stay float32 (<see cref="PlateBatchNorm"/> computes in its own type):
/// a running statistic in bfloat16 would drop every update smaller than its 8-bit mantissa.
/// </summary>
public sealed class BFloat16Shadow : IDisposable
{
    private readonly (Tensor Master, Tensor Shadow)[] parameters;
    private readonly (Tensor Master, Tensor Shadow)[] buffers;

    public BFloat16Shadow(PlateNet master)
    {
        Net = new PlateNet(master.Spec);
        Net.to(ScalarType.BFloat16);
        foreach (var norm in Net.modules().OfType<PlateBatchNorm>()) norm.to(ScalarType.Float32);
        Net.train();
        var theirs = Net.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        parameters = [.. master.named_parameters().Select(p => ((Tensor)p.parameter, theirs[p.name]))];
        var theirBuffers = Net.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        buffers = [.. master.named_buffers().Select(b => (b.buffer, theirBuffers[b.name]))];
    }

    /// <summary>The bfloat16 network (in training mode).</summary>
    public PlateNet Net { get; }

    /// <summary>Copies the float32 network's weights and batch statistics into the copy, before a step.</summary>
    public void Load()
    {
        using var _ = no_grad();
        foreach (var (master, shadow) in parameters)
        {
            shadow.copy_(master);
            shadow.grad?.zero_();
        }
        foreach (var (master, shadow) in buffers) shadow.copy_(master);
    }

    /// <summary>After the backward pass: the copy's gradients become the float32 network's, and its batch statistics
    /// (updated by the forward pass) go back.</summary>
    public void Store()
    {
        using var _ = no_grad();
        foreach (var (master, shadow) in parameters)
        {
            if (shadow.grad is not { } gradient) continue;
            if (master.grad is { } existing) existing.copy_(gradient);
            else master.grad = gradient.to_type(ScalarType.Float32);
        }
        foreach (var (master, shadow) in buffers) master.copy_(shadow);
    }

    public void Dispose() => Net.Dispose();
}
