using static TorchSharp.torch;

namespace DeepPlate.Training;

/// <summary>Loss and accuracies of a network on a fixed set of plates.</summary>
public sealed record ValidationResult(double Loss, double CharAccuracy, double PlateAccuracy);

public static class Validation
{
    private const int Batch = 256;

    /// <summary>
    /// The network's logits [count, slots, classes] over a fixed set, in eval mode, in batches (batch 1 would make
    /// libtorch print NNPACK warnings on this machine; see platform-notes.md §3.3).
    /// </summary>
    public static float[] Logits(PlateNet net, float[] inputs, int count)
    {
        var spec = net.Spec;
        var size = spec.InputHeight * spec.InputWidth;
        var outSize = spec.Slots * spec.Classes;
        var logits = new float[(long)count * outSize];
        var wasTraining = net.training;
        net.eval();
        using (no_grad())
        {
            for (var start = 0; start < count; start += Batch)
            {
                var n = Math.Min(Batch, count - start);
                using var scope = NewDisposeScope();
                var x = tensor(inputs.AsSpan(start * size, n * size).ToArray(), [n, 1, spec.InputHeight, spec.InputWidth]);
                net.forward(x).data<float>().CopyTo(logits, start * outSize);
            }
        }
        net.train(wasTraining);
        return logits;
    }

    /// <summary>
    /// Character accuracy counts the slots that hold a character on the true plate (so blank padding does not flatter
    /// it); plate accuracy needs every slot right, blanks included.
    /// </summary>
    public static ValidationResult Evaluate(PlateNet net, float[] inputs, long[] labels, int count)
    {
        var logits = Logits(net, inputs, count);
        var slots = net.Spec.Slots;
        var classes = net.Spec.Classes;
        var blank = classes - 1;
        long chars = 0, charsRight = 0, platesRight = 0;
        for (var i = 0; i < count; i++)
        {
            var plateRight = true;
            for (var s = 0; s < slots; s++)
            {
                var row = logits.AsSpan((i * slots + s) * classes, classes);
                var label = (int)labels[i * slots + s];
                var best = 0;
                for (var c = 1; c < classes; c++) if (row[c] > row[best]) best = c;
                if (label != blank)
                {
                    chars++;
                    if (best == label) charsRight++;
                }
                plateRight &= best == label;
            }
            if (plateRight) platesRight++;
        }
        var loss = TemperatureScaling.NegativeLogLikelihood(logits, labels.AsSpan(0, count * slots), classes, 1);
        return new ValidationResult(loss, chars == 0 ? 0 : (double)charsRight / chars, (double)platesRight / count);
    }
}
