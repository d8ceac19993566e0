using DeepPlate.Inference.Report;

namespace DeepPlate.Inference.Tests.Report;

public sealed class ConfidenceTextTests
{
    [Theory]
    [InlineData(0.6453, "64.5 %")]
    [InlineData(1.0, "100.0 %")]
    [InlineData(0.99999, "99.9 %")]
    [InlineData(0.0036, "0.36 %")]
    [InlineData(0.0001, "0.01 %")]
    [InlineData(1.2e-7, "1.2E-5 %")]
    [InlineData(0.0, "0 %")]
    public void PercentagesKeepTinyValuesHonest(double confidence, string text) => Assert.Equal(text, ConfidenceText.Percent(confidence));
}
