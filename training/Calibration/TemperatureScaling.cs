namespace DeepPlate.Training;

/// <summary>The fitted temperature and the calibration error of the per-slot confidences before and after it.</summary>
public sealed record Calibration(double Temperature, double EceBefore, double EceAfter, int Plates);

/// <summary>
/// Temperature scaling (Guo et al., 2017): one scalar T divides every logit so that the confidences match how often
/// the top class is right. T is fitted by minimising the negative log-likelihood on held-out synthetic plates; it
/// never changes which class ranks first, so accuracy is untouched.
/// </summary>
public static class TemperatureScaling
{
    private const double LowestLog = -3;   // T = 0.05
    private const double HighestLog = 3;   // T = 20

    /// <param name="logits">Per-slot logits: rows x classes.</param>
    /// <param name="labels">The true class of each row.</param>
    public static Calibration Fit(float[] logits, long[] labels, int classes, int plates)
    {
        // Golden-section search on log T: the NLL is convex in 1/T, and unimodal in log T.
        var (a, b) = (LowestLog, HighestLog);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var c = b - ratio * (b - a);
        var d = a + ratio * (b - a);
        var fc = NegativeLogLikelihood(logits, labels, classes, Math.Exp(c));
        var fd = NegativeLogLikelihood(logits, labels, classes, Math.Exp(d));
        while (b - a > 1e-4)
        {
            if (fc < fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - ratio * (b - a);
                fc = NegativeLogLikelihood(logits, labels, classes, Math.Exp(c));
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + ratio * (b - a);
                fd = NegativeLogLikelihood(logits, labels, classes, Math.Exp(d));
            }
        }
        var temperature = Math.Exp((a + b) / 2);
        var labelsInt = Array.ConvertAll(labels, l => (int)l);
        return new Calibration(
            temperature,
            CalibrationError.Expected(Softmax(logits, classes, 1), labelsInt, classes),
            CalibrationError.Expected(Softmax(logits, classes, temperature), labelsInt, classes),
            plates);
    }

    public static double NegativeLogLikelihood(ReadOnlySpan<float> logits, ReadOnlySpan<long> labels, int classes, double temperature)
    {
        double total = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var row = logits.Slice(i * classes, classes);
            var max = double.NegativeInfinity;
            for (var k = 0; k < classes; k++) max = Math.Max(max, row[k] / temperature);
            double sum = 0;
            for (var k = 0; k < classes; k++) sum += Math.Exp(row[k] / temperature - max);
            total += Math.Log(sum) + max - row[(int)labels[i]] / temperature;
        }
        return total / labels.Length;
    }

    public static float[] Softmax(float[] logits, int classes, double temperature)
    {
        var probabilities = new float[logits.Length];
        for (var i = 0; i < logits.Length / classes; i++)
        {
            var row = logits.AsSpan(i * classes, classes);
            var output = probabilities.AsSpan(i * classes, classes);
            var max = double.NegativeInfinity;
            for (var k = 0; k < classes; k++) max = Math.Max(max, row[k] / temperature);
            double sum = 0;
            for (var k = 0; k < classes; k++) sum += Math.Exp(row[k] / temperature - max);
            for (var k = 0; k < classes; k++) output[k] = (float)(Math.Exp(row[k] / temperature - max) / sum);
        }
        return probabilities;
    }
}
