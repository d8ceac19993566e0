using DeepPlate.Training;

namespace DeepPlate.Training.Tests.Calibration;

public sealed class TemperatureScalingTests
{
    /// <summary>
    /// Logits of a classifier that is right 70 % of the time but sharpened three-fold: the fitted temperature undoes
    /// the sharpening and the calibration error falls.
    /// </summary>
    [Fact]
    public void OverconfidentLogitsGetATemperatureAboveOneAndLowerError()
    {
        const int classes = 5, rows = 20000;
        var random = new Random(3);
        var logits = new float[rows * classes];
        var labels = new long[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.Next(classes);
            var predicted = random.NextDouble() < 0.7 ? (int)labels[i] : random.Next(classes);
            for (var c = 0; c < classes; c++) logits[i * classes + c] = 3 * (float)(c == predicted ? 1.5 : random.NextDouble() * 0.5);
        }
        var calibration = TemperatureScaling.Fit(logits, labels, classes, rows);
        Assert.InRange(calibration.Temperature, 1.2, 6);
        Assert.True(calibration.EceAfter < calibration.EceBefore / 2, $"{calibration.EceBefore} -> {calibration.EceAfter}");
        // The fit is a minimum of the NLL.
        var best = TemperatureScaling.NegativeLogLikelihood(logits, labels, classes, calibration.Temperature);
        Assert.True(best <= TemperatureScaling.NegativeLogLikelihood(logits, labels, classes, calibration.Temperature * 1.1));
        Assert.True(best <= TemperatureScaling.NegativeLogLikelihood(logits, labels, classes, calibration.Temperature / 1.1));
    }

    [Fact]
    public void EceOfPerfectlyCalibratedConfidencesIsSmall()
    {
        // Every row says 0.8 for class 0; class 0 is right in 80 % of rows.
        const int rows = 10000;
        var probabilities = new float[rows * 2];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            probabilities[2 * i] = 0.8f;
            probabilities[2 * i + 1] = 0.2f;
            labels[i] = i % 5 == 0 ? 1 : 0;
        }
        Assert.True(CalibrationError.Expected(probabilities, labels, 2) < 1e-6);
        // And if class 0 is always right, ECE is the gap, 0.2.
        Assert.Equal(0.2, CalibrationError.Expected(probabilities, new int[rows], 2), 5);
    }
}
