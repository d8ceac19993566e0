using System.Text.Json.Serialization;

namespace DeepPlate.Training;

/// <summary>One layer of the network, as both the TorchSharp builder and the ONNX exporter read it.</summary>
public abstract record Layer;

/// <summary>Convolution (no bias, "same" padding) + batch normalisation + ReLU.</summary>
public sealed record ConvBlock(int Channels, int Kernel = 3) : Layer;

/// <summary>Max pooling with a window (and stride) of Height x Width.</summary>
public sealed record Pool(int Height, int Width) : Layer;

/// <summary>How the feature map becomes per-slot logits.</summary>
public enum HeadKind
{
    /// <summary>Flatten, dropout, one linear layer to slots x classes: each slot learns alone, from every feature.</summary>
    Slots,

    /// <summary>
    /// The feature columns attend to each other (<see cref="NetworkSpec.HeadLayers"/> times), then each slot attends to
    /// the columns with a learned query and one classifier shared by every slot reads what it gathered
    /// (<see cref="AttentionHead"/>).
    /// </summary>
    Attention,
}

/// <summary>
/// The network as data: a stack of layers over a 1 x <see cref="InputHeight"/> x <see cref="InputWidth"/> grey plate,
/// then a head (<see cref="HeadKind"/>) to slots x classes. The builder (<see cref="PlateNet"/>)
/// and the exporter (<see cref="OnnxExporter"/>) both walk this, so they cannot disagree about the architecture.
/// It is saved with every run, checkpoint and exported model (<see cref="NetworkJson"/>), so a network is rebuilt
/// from its own record rather than from today's <see cref="Standard"/>. <see cref="HeadLayers"/>: the attention head's
/// self-attention layers over the columns (1 for every network before session 12).
/// </summary>
[JsonConverter(typeof(NetworkSpecJsonConverter))]
public sealed record NetworkSpec(int InputHeight, int InputWidth, IReadOnlyList<Layer> Layers, double Dropout, int Slots, int Classes,
    HeadKind Head = HeadKind.Slots, int HeadLayers = 1)
{
    /// <summary>
    /// About 1 M parameters (4 MB) and 75 M multiply-adds on 32 x 128. Four poolings bring 32 x 128 down to 2 x 16:
    /// 16 columns for up to 10 characters, so every slot sees a receptive field wider than a character. The last
    /// 1 x 1 block shrinks the channels before flattening, because the linear head holds most of the parameters.
    /// </summary>
    public static NetworkSpec Standard(int inputHeight, int inputWidth, int slots, int classes, int width = 32) => new(
        inputHeight, inputWidth,
        [
            new ConvBlock(width), new Pool(2, 2),
            new ConvBlock(2 * width), new Pool(2, 2),
            new ConvBlock(3 * width), new ConvBlock(3 * width), new Pool(2, 2),
            new ConvBlock(4 * width), new ConvBlock(4 * width), new Pool(2, 1),
            new ConvBlock(2 * width, Kernel: 1),
        ],
        0.2, slots, classes);

    /// <summary>The same network with another country's head (its slots and alphabet).</summary>
    public NetworkSpec WithHead(int slots, int classes) => this with { Slots = slots, Classes = classes };

    /// <summary>Trainable parameters (convolutions, batch-norm scales and shifts, the head), counted without building it.</summary>
    public long ParameterCount()
    {
        long count = 0;
        var channels = 1;
        foreach (var layer in Layers)
        {
            if (layer is not ConvBlock conv) continue;
            count += (long)channels * conv.Channels * conv.Kernel * conv.Kernel + 2L * conv.Channels;
            channels = conv.Channels;
        }
        var (c, h, w) = FeatureShape();
        if (Head == HeadKind.Slots) return count + ((long)c * h * w + 1) * Slots * Classes;
        // Column positions, per layer query/key/value/mix and layer norm, slot queries, slot key/value, the shared classifier.
        long d = c * h;
        return count + w * d + HeadLayers * (4 * d * d + 2 * d) + Slots * d + 2 * d * d + (d + 1) * Classes;
    }

    /// <summary>
    /// One line for summaries and cards: "width W" for the standard network of that width, else the layers
    /// (c32 a 3 x 3 block of 32 channels, c64k1 a 1 x 1 one, p2x2 a pooling).
    /// </summary>
    public string Describe()
    {
        var first = Layers.OfType<ConvBlock>().FirstOrDefault()?.Channels ?? 0;
        var head = Head == HeadKind.Slots ? "" : $", {Head.ToString().ToLowerInvariant()} head" + (HeadLayers == 1 ? "" : $" of {HeadLayers} layers");
        if (Equals(Standard(InputHeight, InputWidth, Slots, Classes, first) with { Head = Head, HeadLayers = HeadLayers })) return $"width {first}{head}";
        return string.Join(' ', Layers.Select(l => l switch
        {
            ConvBlock { Kernel: 3 } c => $"c{c.Channels}",
            ConvBlock c => $"c{c.Channels}k{c.Kernel}",
            Pool p => $"p{p.Height}x{p.Width}",
            _ => l.ToString(),
        })) + FormattableString.Invariant($", dropout {Dropout}") + head;
    }

    // A record compares its list by reference; two records of the same network must be equal.
    public bool Equals(NetworkSpec? other) =>
        other is not null && InputHeight == other.InputHeight && InputWidth == other.InputWidth && Dropout.Equals(other.Dropout)
        && Slots == other.Slots && Classes == other.Classes && Head == other.Head && HeadLayers == other.HeadLayers
        && Layers.SequenceEqual(other.Layers);

    public override int GetHashCode() => HashCode.Combine(InputHeight, InputWidth, Layers.Count, Dropout, Slots, Classes);

    /// <summary>Channels, height and width of the feature map the head flattens.</summary>
    public (int Channels, int Height, int Width) FeatureShape()
    {
        var (c, h, w) = (1, InputHeight, InputWidth);
        foreach (var layer in Layers)
        {
            switch (layer)
            {
                case ConvBlock conv:
                    c = conv.Channels;
                    break;
                case Pool pool:
                    if (h % pool.Height != 0 || w % pool.Width != 0)
                        throw new ArgumentException($"a {pool.Height}x{pool.Width} pooling does not divide a {h}x{w} feature map");
                    (h, w) = (h / pool.Height, w / pool.Width);
                    break;
            }
        }
        return (c, h, w);
    }
}
