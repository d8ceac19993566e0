using System.Runtime.InteropServices;
using DeepPlate.Inference;
using DeepPlate.Training.Onnx.Proto;
using Google.Protobuf;
using static TorchSharp.torch;

namespace DeepPlate.Training;

/// <summary>
/// Writes a trained <see cref="PlateNet"/> as an ONNX file (opset 17) by walking its <see cref="NetworkSpec"/>:
/// Conv with batch normalisation folded into its weights, Relu, MaxPool, Flatten, Gemm, Reshape, Softmax. The
/// calibration temperature is folded into the last layer (logits / T), so the graph outputs calibrated
/// probabilities [N, slots, classes] and the file describes itself through <see cref="ModelInfo"/> metadata and
/// the network's record (<see cref="ModelInfo.NetworkKey"/>).
/// </summary>
public static partial class OnnxExporter
{
    private const long IrVersion = 8;
    private const long Opset = 17;
    private const double BatchNormEpsilon = 1e-5;

    public static void Export(PlateNet net, ModelInfo info, string path)
    {
        var model = Build(net, info);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        // Written beside the target and moved, so a reader never sees half a model.
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary)) model.WriteTo(file);
        File.Move(temporary, path, overwrite: true);
    }

    public static ModelProto Build(PlateNet net, ModelInfo info)
    {
        var spec = net.Spec;
        if (info.Slots != spec.Slots || info.Classes != spec.Classes || info.InputHeight != spec.InputHeight || info.InputWidth != spec.InputWidth)
            throw new ArgumentException("the model info does not match the network's shape");

        var weights = new Dictionary<string, float[]>();
        foreach (var (name, tensor) in net.state_dict())
        {
            if (tensor.dtype != ScalarType.Float32) continue;
            using var contiguous = tensor.detach().contiguous();
            weights[name] = contiguous.data<float>().ToArray();
        }

        var graph = new GraphProto { Name = "deepplate_" + info.Country };
        graph.Input.Add(Value(ModelInfo.InputName, Dim("N"), Dim(1), Dim(spec.InputHeight), Dim(spec.InputWidth)));
        graph.Output.Add(Value(ModelInfo.OutputName, Dim("N"), Dim(spec.Slots), Dim(spec.Classes)));

        var current = ModelInfo.InputName;
        var channels = 1;
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            switch (spec.Layers[i])
            {
                case ConvBlock conv:
                {
                    var (w, b) = FoldBatchNorm(weights, i, channels, conv);
                    graph.Initializer.Add(Tensor($"conv{i}.w", w, conv.Channels, channels, conv.Kernel, conv.Kernel));
                    graph.Initializer.Add(Tensor($"conv{i}.b", b, conv.Channels));
                    var pad = conv.Kernel / 2;
                    graph.Node.Add(Node("Conv", [current, $"conv{i}.w", $"conv{i}.b"], $"conv{i}",
                        Ints("kernel_shape", conv.Kernel, conv.Kernel), Ints("pads", pad, pad, pad, pad), Ints("strides", 1, 1)));
                    graph.Node.Add(Node("Relu", [$"conv{i}"], $"relu{i}"));
                    current = $"relu{i}";
                    channels = conv.Channels;
                    break;
                }
                case Pool pool:
                    graph.Node.Add(Node("MaxPool", [current], $"pool{i}",
                        Ints("kernel_shape", pool.Height, pool.Width), Ints("strides", pool.Height, pool.Width)));
                    current = $"pool{i}";
                    break;
                default:
                    throw new NotSupportedException($"layer {spec.Layers[i]}");
            }
        }

        // Dropout is the identity at inference and is left out.
        var scale = (float)(1 / info.Temperature);
        var logits = spec.Head == HeadKind.Attention
            ? AddAttentionHead(graph, weights, spec, current, scale)
            : AddSlotsHead(graph, weights, spec, current, scale);
        graph.Node.Add(Node("Softmax", [logits], ModelInfo.OutputName, Int("axis", -1)));

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "deepplate",
            ProducerVersion = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0",
            Graph = graph,
            DocString = $"DeepPlate plate reader for '{info.Country}': input {ModelInfo.InputName}[N,1,{spec.InputHeight},{spec.InputWidth}] " +
                        $"(grey plate rectified and standardised by DeepPlate.Inference.Rectifier), output {ModelInfo.OutputName}[N,{spec.Slots},{spec.Classes}] " +
                        "(calibrated per-slot probabilities over the alphabet plus 'no character').",
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        foreach (var (key, value) in info.ToMetadata()) model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        // The graph alone does not say how to train the network further; its record lets the importer rebuild it.
        model.MetadataProps.Add(new StringStringEntryProto { Key = ModelInfo.NetworkKey, Value = NetworkJson.Write(spec, indented: false) });
        return model;
    }

    /// <returns>The name of the logits [N, slots, classes], already divided by the temperature.</returns>
    private static string AddSlotsHead(GraphProto graph, Dictionary<string, float[]> weights, NetworkSpec spec, string features, float scale)
    {
        var (fc, fh, fw) = spec.FeatureShape();
        var size = fc * fh * fw;
        graph.Initializer.Add(Tensor("head.w", Scaled(weights["head.weight"], scale), spec.Slots * spec.Classes, size));
        graph.Initializer.Add(Tensor("head.b", Scaled(weights["head.bias"], scale), spec.Slots * spec.Classes));
        graph.Initializer.Add(Int64Tensor("shape", -1, spec.Slots, spec.Classes));
        graph.Node.Add(Node("Flatten", [features], "flat", Int("axis", 1)));
        graph.Node.Add(Node("Gemm", ["flat", "head.w", "head.b"], "logits", Int("transB", 1)));
        graph.Node.Add(Node("Reshape", ["logits", "shape"], "slot_logits"));
        return "slot_logits";
    }

    // Conv(x) * gamma / sqrt(var + eps) + (beta - mean * gamma / sqrt(var + eps)), per output channel.
    private static (float[] Weight, float[] Bias) FoldBatchNorm(Dictionary<string, float[]> weights, int i, int inChannels, ConvBlock conv)
    {
        var w = (float[])weights[$"body.conv{i}.weight"].Clone();
        var gamma = weights[$"body.bn{i}.weight"];
        var beta = weights[$"body.bn{i}.bias"];
        var mean = weights[$"body.bn{i}.running_mean"];
        var variance = weights[$"body.bn{i}.running_var"];
        var perChannel = inChannels * conv.Kernel * conv.Kernel;
        var b = new float[conv.Channels];
        for (var o = 0; o < conv.Channels; o++)
        {
            var factor = gamma[o] / Math.Sqrt(variance[o] + BatchNormEpsilon);
            for (var j = 0; j < perChannel; j++) w[o * perChannel + j] = (float)(w[o * perChannel + j] * factor);
            b[o] = (float)(beta[o] - mean[o] * factor);
        }
        return (w, b);
    }

    internal static float[] Scaled(float[] values, float scale)
    {
        var scaled = new float[values.Length];
        for (var i = 0; i < values.Length; i++) scaled[i] = values[i] * scale;
        return scaled;
    }

    private static NodeProto Node(string op, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        return node;
    }

    private static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static TensorProto Tensor(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        // ONNX raw data is little-endian, as is this machine.
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        return tensor;
    }

    private static TensorProto Int64Tensor(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        return tensor;
    }

    private static TensorShapeProto.Types.Dimension Dim(long value) => new() { DimValue = value };

    private static TensorShapeProto.Types.Dimension Dim(string symbol) => new() { DimParam = symbol };

    private static ValueInfoProto Value(string name, params TensorShapeProto.Types.Dimension[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dims);
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
