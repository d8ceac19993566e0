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

    /// <param name="shareTrunkWith">Another country's network of a joint run whose convolutions this one uses (the
    /// same modules, so both train them); null: convolutions of its own.</param>
    public PlateNet(NetworkSpec spec, PlateNet? shareTrunkWith = null) : base(nameof(PlateNet))
    {
        Spec = spec;
        if (shareTrunkWith is not null && (!shareTrunkWith.Spec.Layers.SequenceEqual(spec.Layers)
            || shareTrunkWith.Spec.InputHeight != spec.InputHeight || shareTrunkWith.Spec.InputWidth != spec.InputWidth))
            throw new ArgumentException($"a shared trunk needs the same layers: {shareTrunkWith.Spec.Describe()} against {spec.Describe()}");
        body = shareTrunkWith?.body ?? Trunk(spec);
        var (c, h, w) = spec.FeatureShape();
        dropout = nn.Dropout(spec.Dropout);
        head = spec.Head switch
        {
            HeadKind.Slots => nn.Linear(c * h * w, spec.Slots * spec.Classes),
            HeadKind.Attention => new AttentionHead(c, h, w, spec.Slots, spec.Classes, spec.Dropout, spec.HeadLayers),
            var other => throw new NotSupportedException($"head {other}"),
        };
        RegisterComponents();
    }

    private static Sequential Trunk(NetworkSpec spec)
    {
        var body = nn.Sequential();
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
        return body;
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

    /// <summary>
    /// Sets every batch norm's running statistics to those of its input over <paramref name="inputs"/>, keeping
    /// what eval mode computes. An imported model (<see cref="OnnxImporter"/>) has its batch norms folded into the
    /// convolutions and stands in for them with the identity, which training mode would not keep: normalised by each
    /// batch's statistics, every channel would lose the scale and shift it had (a continued model first forgot most
    /// of what it read). After this, training starts from the function the model had.
    /// </summary>
    public void MatchBatchStatistics(Tensor inputs)
    {
        var wasTraining = training;
        eval();
        using (no_grad())
        {
            using var scope = NewDisposeScope();
            var x = inputs;
            foreach (var (_, layer) in body.named_children())
            {
                if (layer is PlateBatchNorm norm)
                {
                    var (variance, mean) = x.var_mean([0, 2, 3], unbiased: false);
                    norm.TakeStatistics(mean, variance);
                }
                x = ((nn.Module<Tensor, Tensor>)layer).forward(x);
            }
        }
        train(wasTraining);
    }

    public long ParameterCount()
    {
        long n = 0;
        foreach (var p in parameters()) n += p.numel();
        return n;
    }
}
