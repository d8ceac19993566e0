using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepPlate.Training;

/// <summary>
/// The TorchSharp network built from a <see cref="NetworkSpec"/>: grey plates [N, 1, H, W] in, per-slot logits
/// [N, slots, classes] out. Module names (conv{i}, bn{i}, pool{i}, dropout, head) are what the exporter reads. The
/// slots head is the linear layer itself (head.weight, head.bias: the names of every model trained before heads had
/// kinds); the attention head is an <see cref="AttentionHead"/>.
/// </summary>
public sealed class PlateNet : nn.Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly Dropout dropout;
    private readonly nn.Module<Tensor, Tensor> head;

    public NetworkSpec Spec { get; }

    public PlateNet(NetworkSpec spec) : base(nameof(PlateNet))
    {
        Spec = spec;
        body = nn.Sequential();
        var channels = 1;
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            switch (spec.Layers[i])
            {
                case ConvBlock conv:
                    body.append($"conv{i}", nn.Conv2d(channels, conv.Channels, conv.Kernel, padding: conv.Kernel / 2, bias: false));
                    body.append($"bn{i}", new PlateBatchNorm(conv.Channels));
                    body.append($"relu{i}", nn.ReLU());
                    channels = conv.Channels;
                    break;
                case Pool pool:
                    body.append($"pool{i}", nn.MaxPool2d((pool.Height, pool.Width)));
                    break;
                default:
                    throw new NotSupportedException($"layer {spec.Layers[i]}");
            }
        }
        var (c, h, w) = spec.FeatureShape();
        dropout = nn.Dropout(spec.Dropout);
        head = spec.Head switch
        {
            HeadKind.Slots => nn.Linear(c * h * w, spec.Slots * spec.Classes),
            HeadKind.Attention => new AttentionHead(c, h, w, spec.Slots, spec.Classes, spec.Dropout),
            var other => throw new NotSupportedException($"head {other}"),
        };
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var features = body.forward(input);
        if (Spec.Head == HeadKind.Attention) return head.forward(features);
        using var flat = features.flatten(1);
        using var dropped = dropout.forward(flat);
        using var logits = head.forward(dropped);
        return logits.view(-1, Spec.Slots, Spec.Classes);
    }

    public long ParameterCount()
    {
        long n = 0;
        foreach (var p in parameters()) n += p.numel();
        return n;
    }
}
