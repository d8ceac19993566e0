using Microsoft.ML.OnnxRuntime;

namespace DeepPlate.Inference;

/// <summary>
/// ONNX Runtime's process-wide environment, prepared once before the first session: its telemetry events are
/// switched off explicitly. ONNX Runtime emits them only from Windows builds (through ETW), but the promise that
/// nothing of a reading leaves the machine must not rest on which build happens to run.
/// </summary>
public static class OnnxEnvironment
{
    private static readonly Lazy<bool> Prepared = new(() =>
    {
        OrtEnv.Instance().DisableTelemetryEvents();
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True once <see cref="Prepare"/> has switched telemetry off in this process.</summary>
    public static bool TelemetryDisabled => Prepared.IsValueCreated;

    /// <summary>Switches ONNX Runtime's telemetry off (once; later calls do nothing).</summary>
    public static void Prepare() => _ = Prepared.Value;
}
