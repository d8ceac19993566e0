using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepPlate.Training;

/// <summary>
/// A head that shares what it learns across positions. The feature map's columns (channels x height each) are
/// tokens with a learned position; one self-attention step lets each column see the whole plate (how many
/// characters there are, where the plate starts; further <see cref="ColumnAttention"/> layers when the network has
/// them, for counting that one step does not settle), then every slot gathers columns with its own learned query and one
/// classifier, shared by all slots, names the character (or "no character"). The slot's query is added to what it
/// gathered, so "no character" can still depend on the slot. Features [N, C, H, W] in, logits [N, slots, classes]
/// out. Projections have no bias; parameter names (columns, query, key, value, mix, norm, deeper, slots, slot_key,
/// slot_value, classify) are what the exporter and importer read.
/// </summary>
public sealed class AttentionHead : nn.Module<Tensor, Tensor>
{
    private readonly Parameter columns;
    private readonly Linear query, key, value, mix;
    private readonly LayerNorm norm;
    private readonly ModuleList<ColumnAttention> deeper;
    private readonly Parameter slots;
    private readonly Linear slot_key, slot_value;
    private readonly Dropout dropout;
    private readonly Linear classify;
    private readonly double scale;

    public AttentionHead(int channels, int height, int width, int slotCount, int classes, double dropoutRate, int layers = 1) : base(nameof(AttentionHead))
    {
        var d = channels * height;
        scale = 1 / Math.Sqrt(d);
        columns = nn.Parameter(randn(width, d) * 0.1);
        query = nn.Linear(d, d, hasBias: false);
        key = nn.Linear(d, d, hasBias: false);
        value = nn.Linear(d, d, hasBias: false);
        mix = nn.Linear(d, d, hasBias: false);
        norm = nn.LayerNorm(d);
        deeper = nn.ModuleList(Enumerable.Range(1, layers - 1).Select(_ => new ColumnAttention(d)).ToArray());
        slots = nn.Parameter(randn(slotCount, d) * 0.1);
        slot_key = nn.Linear(d, d, hasBias: false);
        slot_value = nn.Linear(d, d, hasBias: false);
        dropout = nn.Dropout(dropoutRate);
        classify = nn.Linear(d, classes);
        RegisterComponents();
    }

    /// <summary>
    /// Whether <paramref name="theirs"/> is the learned column positions of a head whose network pools the plate to
    /// another number of columns than <paramref name="mine"/> (same token size): a network given finer pools
    /// (<c>--network</c> with <c>--init-from</c>) starts from the positions it had, stretched to its columns.
    /// </summary>
    public static bool IsColumnTable(string name, Tensor theirs, Tensor mine) =>
        name == "head.columns" && theirs.dim() == 2 && mine.dim() == 2 && theirs.shape[1] == mine.shape[1];

    /// <summary>Column positions [width, d] linearly resampled to <paramref name="width"/> columns over the same plate.</summary>
    public static Tensor Resampled(Tensor columns, long width)
    {
        using var scope = NewDisposeScope();
        var along = columns.t().unsqueeze(0);  // [1, d, columns]: interpolate runs along the last axis
        var stretched = nn.functional.interpolate(along, size: [width], mode: InterpolationMode.Linear, align_corners: false);
        return stretched.squeeze(0).t().contiguous().MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor features)
    {
        using var scope = NewDisposeScope();
        var n = features.shape[0];
        var tokens = features.reshape(n, features.shape[1] * features.shape[2], features.shape[3]).transpose(1, 2) + columns;
        var seen = norm.forward(tokens + ColumnAttention.Attend(tokens, query, key, value, mix, scale));
        foreach (var layer in deeper) seen = layer.forward(seen);
        var gather = nn.functional.softmax(slots.matmul(slot_key.forward(seen).transpose(1, 2)) * scale, -1);
        var gathered = gather.matmul(slot_value.forward(seen)) + slots;
        return classify.forward(dropout.forward(gathered)).MoveToOuterDisposeScope();
    }
}
