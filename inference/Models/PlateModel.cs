using Microsoft.ML.OnnxRuntime;

namespace DeepPlate.Inference;

/// <summary>
/// A country's ONNX model run by ONNX Runtime: rectified plates in, per-slot class probabilities out. Thread-safe
/// (ONNX Runtime sessions may run concurrently).
/// </summary>
public sealed class PlateModel : IDisposable
{
    private readonly InferenceSession session;

    public ModelInfo Info { get; }

    /// <param name="threads">Intra-op threads; 0 lets ONNX Runtime choose.</param>
    /// <exception cref="InvalidDataException">The file is not an ONNX model or not a DeepPlate one.</exception>
    public PlateModel(string path, int threads = 0)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{path}: not a readable ONNX model ({e.Message})", e);
        }
        try
        {
            Info = ModelInfo.FromMetadata(session.ModelMetadata.CustomMetadataMap, path);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Floats per plate in the input: height x width.</summary>
    public int InputSize => Info.InputHeight * Info.InputWidth;

    /// <summary>Floats per plate in the output: slots x classes.</summary>
    public int OutputSize => Info.Slots * Info.Classes;

    /// <summary>
    /// Runs <paramref name="count"/> rectified plates (<see cref="InputSize"/> floats each, from the shared
    /// rectifier) and writes their probabilities (<see cref="OutputSize"/> floats each, slot by slot).
    /// </summary>
    public void Run(float[] inputs, int count, float[] probabilities)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (inputs.Length < count * InputSize) throw new ArgumentException("fewer inputs than count", nameof(inputs));
        if (probabilities.Length < count * OutputSize) throw new ArgumentException("output buffer too small", nameof(probabilities));

        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, inputs.AsMemory(0, count * InputSize),
            [count, 1, Info.InputHeight, Info.InputWidth]);
        using var output = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, probabilities.AsMemory(0, count * OutputSize),
            [count, Info.Slots, Info.Classes]);
        using var runOptions = new RunOptions();
        session.Run(runOptions, [ModelInfo.InputName], [input], [ModelInfo.OutputName], [output]);
    }

    public void Dispose() => session.Dispose();
}
