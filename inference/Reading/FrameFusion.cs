namespace DeepPlate.Inference;

/// <summary>
/// Several frames of the same plate, each read on its own, fused into one reading: at every slot, the normalised
/// geometric mean of the frames' distributions (the average of their log-probabilities, a product of experts).
/// <list type="bullet">
/// <item>A class every frame finds likely stays likely; a class one frame rules out is pulled down hard. Averaging
/// probabilities instead (a mixture) would keep a character that only one blurred frame suggests as likely as one
/// all frames agree on, and noise does not average out.</item>
/// <item>The average, not the sum, of the logs: the plate ranking is the same either way (a per-slot power keeps
/// each slot's order and only changes its normaliser), but the sum would multiply the frames' evidence as if they
/// were independent, while frames of one clip share the plate's blur, compression and the user's clicking, so
/// their errors are correlated. The mean keeps the confidences of frames that agree at a single frame's level:
/// conservative, which an investigator can rely on.</item>
/// <item>Probabilities are floored at <see cref="Floor"/> before the logarithm, so one frame's hard zero (float
/// underflow in a sharp softmax) vetoes nothing on its own.</item>
/// </list>
/// One frame is returned as it is. Frames are weighed equally; each frame is run through the model alone, so a
/// frame's distribution does not depend on which other frames are read with it.
/// </summary>
public static class FrameFusion
{
    public const float Floor = 1e-9f;

    /// <param name="frames">count x slots x classes, frame by frame.</param>
    /// <param name="fused">slots x classes.</param>
    public static void Fuse(ReadOnlySpan<float> frames, int count, int slots, int classes, Span<float> fused)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var size = slots * classes;
        if (frames.Length < count * size) throw new ArgumentException("fewer probabilities than frames x slots x classes", nameof(frames));
        if (fused.Length < size) throw new ArgumentException("output is smaller than slots x classes", nameof(fused));
        if (count == 1)
        {
            frames[..size].CopyTo(fused);
            return;
        }
        Span<double> logs = classes <= 256 ? stackalloc double[classes] : new double[classes];
        for (var s = 0; s < slots; s++)
        {
            logs.Clear();
            for (var f = 0; f < count; f++)
            {
                var row = frames.Slice(f * size + s * classes, classes);
                for (var c = 0; c < classes; c++) logs[c] += Math.Log(Math.Max(row[c], Floor));
            }
            var max = double.NegativeInfinity;
            for (var c = 0; c < classes; c++) max = Math.Max(max, logs[c] / count);
            var sum = 0.0;
            for (var c = 0; c < classes; c++) sum += logs[c] = Math.Exp(logs[c] / count - max);
            var output = fused.Slice(s * classes, classes);
            for (var c = 0; c < classes; c++) output[c] = (float)(logs[c] / sum);
        }
    }
}
