using System.Security.Cryptography;
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

    /// <summary>The file it was loaded from.</summary>
    public string Path { get; }

    /// <summary>SHA-256 of the model file, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>What a reading cites as its model: the country and the first 12 hex digits of the file's SHA-256.</summary>
    public string Id => $"{Info.Country}-{Sha256[..12]}";

    /// <param name="threads">Intra-op threads; 0 lets ONNX Runtime choose.</param>
    /// <exception cref="InvalidDataException">The file is not an ONNX model, not a DeepPlate one, or its graph's
    /// input or output shape disagrees with its metadata.</exception>
    public PlateModel(string path, int threads = 0)
    {
        Path = path;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the model file ({e.Message})", e);
        }
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        OnnxEnvironment.Prepare();
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            session = new InferenceSession(bytes, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{path}: not a readable ONNX model ({e.Message})", e);
        }
        try
        {
            Info = ModelInfo.FromMetadata(session.ModelMetadata.CustomMetadataMap, path);
            CheckShape(session.InputMetadata, ModelInfo.InputName, [-1, 1, Info.InputHeight, Info.InputWidth], path);
            CheckShape(session.OutputMetadata, ModelInfo.OutputName, [-1, Info.Slots, Info.Classes], path);
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
    public void Run(float[] inputs, int count, float[] probabilities) => Run(inputs.AsMemory(), count, probabilities.AsMemory());

    /// <inheritdoc cref="Run(float[], int, float[])"/>
    public void Run(Memory<float> inputs, int count, Memory<float> probabilities)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (inputs.Length < count * InputSize) throw new ArgumentException("fewer inputs than count", nameof(inputs));
        if (probabilities.Length < count * OutputSize) throw new ArgumentException("output buffer too small", nameof(probabilities));

        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, inputs[..(count * InputSize)],
            [count, 1, Info.InputHeight, Info.InputWidth]);
        using var output = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, probabilities[..(count * OutputSize)],
            [count, Info.Slots, Info.Classes]);
        using var runOptions = new RunOptions();
        session.Run(runOptions, [ModelInfo.InputName], [input], [ModelInfo.OutputName], [output]);
    }

    /// <summary>The graph's tensor <paramref name="name"/> has the shape the metadata implies (-1: any batch size).</summary>
    private static void CheckShape(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, int[] expected, string path)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            throw new InvalidDataException($"{path}: the graph has no tensor '{name}' ({string.Join(", ", nodes.Keys)})");
        }
        var actual = node.Dimensions;
        var same = actual.Length == expected.Length;
        for (var i = 0; same && i < actual.Length; i++) same = expected[i] < 0 || actual[i] == expected[i];
        if (!same)
        {
            throw new InvalidDataException(
                $"{path}: tensor '{name}' is [{string.Join(", ", actual)}] but the metadata says [{string.Join(", ", expected)}]");
        }
    }

    public void Dispose() => session.Dispose();
}
