using System.Runtime.InteropServices;
using DeepPlate.Inference;
using DeepPlate.Training.Onnx.Proto;
using static TorchSharp.torch;

namespace DeepPlate.Training;

/// <summary>
/// Reads an exported DeepPlate model back into a <see cref="PlateNet"/>, so a shipped model can seed a new country
/// (<c>train --init-from MODEL.onnx</c>), built from the network's record in the model. The exporter folded batch normalisation into the convolutions and the
/// temperature into the head; here the folded weights go into the convolutions, the folded biases into batch norm
/// layers set to the identity (mean 0, variance 1 - eps, scale 1), and the head is multiplied by the temperature again,
/// which gives the same function the checkpoint had in eval mode.
/// </summary>
public static class OnnxImporter
{
    private const double BatchNormEpsilon = 1e-5;

    public static PlateNet Load(string path)
    {
        TorchSetup.Ensure();
        var (info, spec, tensors) = Read(path);
        var net = new PlateNet(spec);
        var state = net.state_dict();
        using (no_grad())
        {
            for (var i = 0; i < spec.Layers.Count; i++)
            {
                if (spec.Layers[i] is not ConvBlock conv) continue;
                Set(state, $"body.conv{i}.weight", Get(tensors, $"conv{i}.w", path), path);
                var bias = Get(tensors, $"conv{i}.b", path);
                Set(state, $"body.bn{i}.bias", bias, path);
                Set(state, $"body.bn{i}.weight", Filled(conv.Channels, 1), path);
                Set(state, $"body.bn{i}.running_mean", Filled(conv.Channels, 0), path);
                Set(state, $"body.bn{i}.running_var", Filled(conv.Channels, (float)(1 - BatchNormEpsilon)), path);
            }
            var t = (float)info.Temperature;
            if (spec.Head == HeadKind.Attention) SetAttentionHead(state, spec, tensors, t, path);
            else
            {
                Set(state, "head.weight", OnnxExporter.Scaled(Get(tensors, "head.w", path), t), path);
                Set(state, "head.bias", OnnxExporter.Scaled(Get(tensors, "head.b", path), t), path);
            }
        }
        return net;
    }

    // The exporter stored each linear layer transposed and the classifier divided by the temperature.
    private static void SetAttentionHead(Dictionary<string, Tensor> state, NetworkSpec spec,
        Dictionary<string, (long[] Dims, float[] Values)> tensors, float temperature, string path)
    {
        var (c, h, _) = spec.FeatureShape();
        var d = c * h;
        foreach (var name in (string[])["columns", "slots"])
            Set(state, $"head.{name}", Get(tensors, $"head.{name}", path), path);
        foreach (var name in (string[])["slot_key", "slot_value"])
            Set(state, $"head.{name}.weight", OnnxExporter.Transposed(Get(tensors, $"head.{name}.t", path), d, d), path);
        // Every self-attention layer: the first under head., further ones under head.deeper.i.
        foreach (var prefix in Enumerable.Range(0, spec.HeadLayers).Select(i => i == 0 ? "head." : $"head.deeper.{i - 1}."))
        {
            foreach (var name in (string[])["norm.weight", "norm.bias"]) Set(state, prefix + name, Get(tensors, prefix + name, path), path);
            foreach (var name in (string[])["query", "key", "value", "mix"])
                Set(state, $"{prefix}{name}.weight", OnnxExporter.Transposed(Get(tensors, $"{prefix}{name}.t", path), d, d), path);
        }
        Set(state, "head.classify.weight",
            OnnxExporter.Scaled(OnnxExporter.Transposed(Get(tensors, "head.classify.t", path), d, spec.Classes), temperature), path);
        Set(state, "head.classify.bias", OnnxExporter.Scaled(Get(tensors, "head.classify.b", path), temperature), path);
    }

    /// <summary>The network of an exported model, read without building it.</summary>
    public static NetworkSpec Spec(string path) => Read(path).Spec;

    private static (ModelInfo Info, NetworkSpec Spec, Dictionary<string, (long[] Dims, float[] Values)> Tensors) Read(string path)
    {
        ModelProto model;
        try
        {
            using var file = File.OpenRead(path);
            model = ModelProto.Parser.ParseFrom(file);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"{path}: not an ONNX model ({e.Message})", e);
        }
        var metadata = model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        var info = ModelInfo.FromMetadata(metadata, path);
        var tensors = new Dictionary<string, (long[] Dims, float[] Values)>();
        foreach (var t in model.Graph.Initializer)
        {
            if (t.DataType != (int)TensorProto.Types.DataType.Float) continue;
            tensors[t.Name] = ([.. t.Dims], MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray());
        }
        return (info, Network(metadata, info, tensors, path), tensors);
    }

    /// <summary>
    /// The model's record of its network, or for models exported before the record (the first shipped ones) the
    /// standard network, whose width is the first convolution's output channels.
    /// </summary>
    private static NetworkSpec Network(IReadOnlyDictionary<string, string> metadata, ModelInfo info,
        IReadOnlyDictionary<string, (long[] Dims, float[] Values)> tensors, string path)
    {
        if (metadata.TryGetValue(ModelInfo.NetworkKey, out var record))
        {
            var spec = NetworkJson.Parse(record, $"{path}: metadata '{ModelInfo.NetworkKey}'");
            if (spec.InputHeight != info.InputHeight || spec.InputWidth != info.InputWidth || spec.Slots != info.Slots || spec.Classes != info.Classes)
                throw new InvalidDataException($"{path}: the network's record ({spec.InputHeight}x{spec.InputWidth} in, {spec.Slots} x {spec.Classes} out) " +
                    $"disagrees with the model's metadata ({info.InputHeight}x{info.InputWidth}, {info.Slots} x {info.Classes})");
            return spec;
        }
        if (!tensors.TryGetValue("conv0.w", out var first))
            throw new InvalidDataException($"{path}: not a DeepPlate network (no conv0.w and no '{ModelInfo.NetworkKey}')");
        return NetworkSpec.Standard(info.InputHeight, info.InputWidth, info.Slots, info.Classes, (int)first.Dims[0]);
    }

    private static float[] Get(Dictionary<string, (long[] Dims, float[] Values)> tensors, string name, string path) =>
        tensors.TryGetValue(name, out var t) ? t.Values : throw new InvalidDataException($"{path}: weight {name} is missing");

    private static void Set(Dictionary<string, Tensor> state, string name, float[] values, string path)
    {
        var target = state[name];
        if (target.numel() != values.Length)
            throw new InvalidDataException($"{path}: {name} has {values.Length} values where this network has {target.numel()}");
        using var source = tensor(values, target.shape);
        target.copy_(source);
    }

    private static float[] Filled(int count, float value)
    {
        var values = new float[count];
        Array.Fill(values, value);
        return values;
    }
}
