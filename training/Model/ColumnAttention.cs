using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepPlate.Training;

/// <summary>
/// A further self-attention layer of an <see cref="AttentionHead"/> (its second and later): x + mix(attend(norm(x))).
/// The output projection starts at zero, so the layer starts as the identity: a network given one more layer and
/// continued from a model without it (<c>train --init-from</c>) reads exactly as that model did at its first step.
/// Parameter names (norm, query, key, value, mix) are what the exporter and importer read.
/// </summary>
public sealed class ColumnAttention : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm;
    private readonly Linear query, key, value, mix;
    private readonly double scale;

    public ColumnAttention(int d) : base(nameof(ColumnAttention))
    {
        scale = 1 / Math.Sqrt(d);
        norm = nn.LayerNorm(d);
        query = nn.Linear(d, d, hasBias: false);
        key = nn.Linear(d, d, hasBias: false);
        value = nn.Linear(d, d, hasBias: false);
        mix = nn.Linear(d, d, hasBias: false);
        using (no_grad()) mix.weight!.zero_();
        RegisterComponents();
    }

    /// <summary>Tokens [N, W, d] in, the same shape out.</summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        return (tokens + Attend(norm.forward(tokens), query, key, value, mix, scale)).MoveToOuterDisposeScope();
    }

    /// <summary>mix(softmax(q(x) k(x)ᵀ x scale) v(x)): the self-attention step of every layer of the head.</summary>
    internal static Tensor Attend(Tensor x, Linear query, Linear key, Linear value, Linear mix, double scale)
    {
        var attention = nn.functional.softmax(query.forward(x).matmul(key.forward(x).transpose(1, 2)) * scale, -1);
        return mix.forward(attention.matmul(value.forward(x)));
    }
}
