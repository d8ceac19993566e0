using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepPlate.Training;

/// <summary>One optimiser step on one batch: cross-entropy over every slot (optionally label-smoothed), gradient clipping, AdamW.</summary>
public static class TrainingStep
{
    /// <returns>The batch's mean loss before the step.</returns>
    public static float Run(PlateNet net, AdamW optimizer, PlateBatch batch, double gradientClip, double labelSmoothing = 0)
    {
        var spec = net.Spec;
        using var scope = NewDisposeScope();
        var x = tensor(batch.Inputs, [batch.Count, 1, spec.InputHeight, spec.InputWidth]);
        var y = tensor(batch.Labels, [batch.Count * spec.Slots]);
        var loss = nn.functional.cross_entropy(net.forward(x).view(-1, spec.Classes), y, label_smoothing: labelSmoothing);
        optimizer.zero_grad();
        loss.backward();
        if (gradientClip > 0) nn.utils.clip_grad_norm_(net.parameters(), gradientClip);
        optimizer.step();
        return loss.item<float>();
    }
}
