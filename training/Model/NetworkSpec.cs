namespace DeepPlate.Training;

/// <summary>One layer of the network, as both the TorchSharp builder and the ONNX exporter read it.</summary>
public abstract record Layer;

/// <summary>Convolution (no bias, "same" padding) + batch normalisation + ReLU.</summary>
public sealed record ConvBlock(int Channels, int Kernel = 3) : Layer;

/// <summary>Max pooling with a window (and stride) of Height x Width.</summary>
public sealed record Pool(int Height, int Width) : Layer;

/// <summary>
/// The network as data: a stack of layers over a 1 x <see cref="InputHeight"/> x <see cref="InputWidth"/> grey plate,
/// then the slot head (flatten, dropout, one linear layer to slots x classes). The builder (<see cref="PlateNet"/>)
/// and the exporter (<see cref="OnnxExporter"/>) both walk this, so they cannot disagree about the architecture.
/// </summary>
public sealed record NetworkSpec(int InputHeight, int InputWidth, IReadOnlyList<Layer> Layers, double Dropout, int Slots, int Classes)
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
