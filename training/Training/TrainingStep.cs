using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepPlate.Training;

/// <summary>One optimiser step on one batch: cross-entropy over every slot (optionally label-smoothed, optionally each
/// plate weighted by <see cref="PlateBatch.Weights"/>), gradient clipping, AdamW.</summary>
public static class TrainingStep
{
    /// <returns>The batch's mean loss before the step; NaN when the step was skipped: a loss or gradient that is not
    /// finite leaves the weights and the optimiser's state as they were (as mixed-precision training skips such steps).</returns>
    /// <param name="weighted">Weight each plate's loss by <see cref="PlateBatch.Weights"/> (a mean over the batch,
    /// not over the weights, so that the loss is an unbiased estimate of the issued plates' loss).</param>
    /// <param name="layout">Rearranges the input tensor's memory (the throughput benchmark's channels-last input); null: as built.</param>
    /// <param name="shadow">A bfloat16 copy of <paramref name="net"/> that computes the passes (<see cref="BFloat16Shadow"/>); null: float32.</param>
    public static float Run(PlateNet net, AdamW optimizer, PlateBatch batch, double gradientClip, double labelSmoothing = 0, bool weighted = false,
        Func<Tensor, Tensor>? layout = null, BFloat16Shadow? shadow = null)
    {
        var spec = net.Spec;
        using var scope = NewDisposeScope();
        var x = tensor(batch.Inputs, [batch.Count, 1, spec.InputHeight, spec.InputWidth]);
        if (layout is not null) x = layout(x);
        var y = tensor(batch.Labels, [batch.Count * spec.Slots]);
        shadow?.Load();
        var logits = shadow is null
            ? net.forward(x).view(-1, spec.Classes)
            : shadow.Net.forward(x.to_type(ScalarType.BFloat16)).view(-1, spec.Classes).to_type(ScalarType.Float32);
        var loss = weighted
            ? (nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.None, label_smoothing: labelSmoothing).view(batch.Count, spec.Slots).mean([1])
                * tensor(batch.Weights, [batch.Count])).mean()
            : nn.functional.cross_entropy(logits, y, label_smoothing: labelSmoothing);
        optimizer.zero_grad();
        loss.backward();
        shadow?.Store();
        var value = loss.item<float>();
        var norm = nn.utils.clip_grad_norm_(net.parameters(), gradientClip > 0 ? gradientClip : double.PositiveInfinity);
        if (!float.IsFinite(value) || !double.IsFinite(norm))
        {
            optimizer.zero_grad();
            return float.NaN;
        }
        optimizer.step();
        return value;
    }
}
