namespace DeepPlate.Inference.Tests.Models;

public sealed class OnnxEnvironmentTests
{
    [Fact]
    public void LoadingAModelSwitchesOnnxRuntimeTelemetryOff()
    {
        using var model = new PlateModel(Path.Combine(Fixtures.Directory, "de.onnx"), threads: 1);
        Assert.True(OnnxEnvironment.TelemetryDisabled);
    }
}
