using DeepPlate.Training.Onnx.Proto;

namespace DeepPlate.Training;

public static partial class OnnxExporter
{
    private const float LayerNormEpsilon = 1e-5f;

    /// <summary>
    /// <see cref="AttentionHead"/> as MatMul, Softmax and LayerNormalization nodes. A linear layer y = x Wᵀ is a MatMul
    /// by the transposed weight; the temperature divides the shared classifier.
    /// </summary>
    /// <returns>The name of the logits [N, slots, classes].</returns>
    private static string AddAttentionHead(GraphProto graph, Dictionary<string, float[]> weights, NetworkSpec spec, string features, float temperatureScale)
    {
        var (c, h, w) = spec.FeatureShape();
        var d = c * h;
        var scale = (float)(1 / Math.Sqrt(d));
        graph.Initializer.Add(Int64Tensor("head.tokens_shape", 0, d, w));
        graph.Initializer.Add(Tensor("head.columns", weights["head.columns"], w, d));
        graph.Initializer.Add(Tensor("head.slots", weights["head.slots"], spec.Slots, d));
        graph.Initializer.Add(Tensor("head.scale", [scale]));
        AddAttentionWeights(graph, weights, "head.", d);
        foreach (var name in (string[])["slot_key", "slot_value"])
            graph.Initializer.Add(Tensor($"head.{name}.t", Transposed(weights[$"head.{name}.weight"], d, d), d, d));
        graph.Initializer.Add(Tensor("head.classify.t", Scaled(Transposed(weights["head.classify.weight"], spec.Classes, d), temperatureScale), d, spec.Classes));
        graph.Initializer.Add(Tensor("head.classify.b", Scaled(weights["head.classify.bias"], temperatureScale), spec.Classes));

        // [N, C, H, W] -> [N, W, C*H]: one token per column.
        graph.Node.Add(Node("Reshape", [features, "head.tokens_shape"], "head.by_column"));
        graph.Node.Add(Node("Transpose", ["head.by_column"], "head.columns_first", Ints("perm", 0, 2, 1)));
        graph.Node.Add(Node("Add", ["head.columns_first", "head.columns"], "head.tokens"));

        // Self-attention over the columns, residual, layer norm.
        var mixed = AddSelfAttention(graph, "head.", "head.tokens");
        graph.Node.Add(Node("Add", ["head.tokens", mixed], "head.residual"));
        graph.Node.Add(Node("LayerNormalization", ["head.residual", "head.norm.weight", "head.norm.bias"], "head.seen",
            Int("axis", -1), Float("epsilon", LayerNormEpsilon)));
        var seen = "head.seen";
        for (var i = 0; i < spec.HeadLayers - 1; i++) seen = AddColumnAttention(graph, weights, $"head.deeper.{i}.", seen, d);

        // Each slot's learned query gathers columns; [slots, d] x [N, d, W] broadcasts to [N, slots, W].
        MatMul(graph, seen, "head.slot_key.t", "head.sk");
        graph.Node.Add(Node("Transpose", ["head.sk"], "head.sk_t", Ints("perm", 0, 2, 1)));
        MatMul(graph, "head.slots", "head.sk_t", "head.slot_scores");
        MatMul(graph, seen, "head.slot_value.t", "head.sv");
        Attend(graph, "head.slot_scores", "head.sv", "head.slot_gathered");
        graph.Node.Add(Node("Add", ["head.slot_gathered", "head.slots"], "head.gathered"));

        MatMul(graph, "head.gathered", "head.classify.t", "head.class_scores");
        graph.Node.Add(Node("Add", ["head.class_scores", "head.classify.b"], "head.logits"));
        return "head.logits";
    }

    /// <summary>A <see cref="ColumnAttention"/> layer: x + mix(attend(norm(x))).</summary>
    /// <returns>The name of its output tokens.</returns>
    private static string AddColumnAttention(GraphProto graph, Dictionary<string, float[]> weights, string prefix, string tokens, int d)
    {
        AddAttentionWeights(graph, weights, prefix, d);
        graph.Node.Add(Node("LayerNormalization", [tokens, prefix + "norm.weight", prefix + "norm.bias"], prefix + "normed",
            Int("axis", -1), Float("epsilon", LayerNormEpsilon)));
        var mixed = AddSelfAttention(graph, prefix, prefix + "normed");
        graph.Node.Add(Node("Add", [tokens, mixed], prefix + "out"));
        return prefix + "out";
    }

    /// <summary>A self-attention layer's layer norm and its query, key, value and mix projections (transposed).</summary>
    private static void AddAttentionWeights(GraphProto graph, Dictionary<string, float[]> weights, string prefix, int d)
    {
        graph.Initializer.Add(Tensor(prefix + "norm.weight", weights[prefix + "norm.weight"], d));
        graph.Initializer.Add(Tensor(prefix + "norm.bias", weights[prefix + "norm.bias"], d));
        foreach (var name in (string[])["query", "key", "value", "mix"])
            graph.Initializer.Add(Tensor($"{prefix}{name}.t", Transposed(weights[$"{prefix}{name}.weight"], d, d), d, d));
    }

    /// <summary>mix(softmax(q kᵀ x scale) v) of the tokens, with the projections <see cref="AddAttentionWeights"/> added.</summary>
    /// <returns>The name of the mixed tokens.</returns>
    private static string AddSelfAttention(GraphProto graph, string prefix, string tokens)
    {
        MatMul(graph, tokens, prefix + "query.t", prefix + "q");
        MatMul(graph, tokens, prefix + "key.t", prefix + "k");
        MatMul(graph, tokens, prefix + "value.t", prefix + "v");
        graph.Node.Add(Node("Transpose", [prefix + "k"], prefix + "k_t", Ints("perm", 0, 2, 1)));
        MatMul(graph, prefix + "q", prefix + "k_t", prefix + "scores");
        Attend(graph, prefix + "scores", prefix + "v", prefix + "attended");
        MatMul(graph, prefix + "attended", prefix + "mix.t", prefix + "mixed");
        return prefix + "mixed";
    }

    // softmax(scores x scale) x values
    private static void Attend(GraphProto graph, string scores, string values, string output)
    {
        graph.Node.Add(Node("Mul", [scores, "head.scale"], scores + "_scaled"));
        graph.Node.Add(Node("Softmax", [scores + "_scaled"], scores + "_weights", Int("axis", -1)));
        MatMul(graph, scores + "_weights", values, output);
    }

    private static void MatMul(GraphProto graph, string a, string b, string output) => graph.Node.Add(Node("MatMul", [a, b], output));

    /// <summary>A row-major [rows, columns] matrix as [columns, rows].</summary>
    internal static float[] Transposed(float[] values, int rows, int columns)
    {
        var transposed = new float[values.Length];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                transposed[c * rows + r] = values[r * columns + c];
        return transposed;
    }

    private static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };
}
