using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// What the plate is drawn into: one float plane (grey, 0 = black, 1 = white) or three (red, green, blue), each
/// row-major, values in [0, 1] as 8-bit codes / 255. Shapes are blended in these code values, as Skia blends.
/// </summary>
public sealed class Raster
{
    private float[][] planes;

    public Raster(int width, int height, int channels)
    {
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "1 (grey) or 3 (RGB)");
        Channels = channels;
        planes = new float[channels][];
        for (var c = 0; c < channels; c++) planes[c] = [];
        Resize(width, height);
    }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>1 for grey, 3 for red, green, blue.</summary>
    public int Channels { get; }

    public Span<float> Plane(int channel) => planes[channel].AsSpan(0, Width * Height);

    /// <summary>Makes the raster <paramref name="width"/> x <paramref name="height"/>, keeping its memory when it is large enough; contents undefined.</summary>
    public void Resize(int width, int height)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"{width}x{height}");
        Width = width;
        Height = height;
        for (var c = 0; c < Channels; c++)
        {
            if (planes[c].Length < width * height) planes[c] = new float[width * height];
        }
    }

    /// <summary>Rec. 601 luma weights of R, G and B: how the reader makes grey from a colour photo.</summary>
    public static readonly System.Numerics.Vector3 Rec601 = new(0.299f, 0.587f, 0.114f);

    /// <summary>The weights a grey raster turns colours into grey with: <see cref="Rec601"/> unless the generator
    /// varies them per plate (cameras and exports mix the channels differently).</summary>
    public System.Numerics.Vector3 LumaWeights { get; set; } = Rec601;

    /// <summary>Every pixel set to <paramref name="colour"/>.</summary>
    public void Fill(SKColor colour)
    {
        for (var c = 0; c < Channels; c++) Plane(c).Fill(Value(colour, c));
    }

    /// <summary>The value channel <paramref name="channel"/> holds for <paramref name="colour"/>: its Rec. 601 luma in a grey raster.</summary>
    public float Value(SKColor colour, int channel) => Channels == 1
        ? (LumaWeights.X * colour.Red + LumaWeights.Y * colour.Green + LumaWeights.Z * colour.Blue) / 255f
        : (channel == 0 ? colour.Red : channel == 1 ? colour.Green : colour.Blue) / 255f;

    /// <summary>An 8-bit RGBA (or grey) bitmap of the raster, for PNG files and sheets; the caller owns it.</summary>
    public SKBitmap ToBitmap()
    {
        var bitmap = Channels == 1
            ? new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Gray8, SKAlphaType.Opaque))
            : new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var bytes = bitmap.GetPixelSpan();
        var stride = bitmap.RowBytes;
        for (var y = 0; y < Height; y++)
        {
            var dst = bytes.Slice(y * stride, Width * (Channels == 1 ? 1 : 4));
            if (Channels == 1)
            {
                GreyImageIO.ToCodes(Plane(0).Slice(y * Width, Width), dst);
                continue;
            }
            for (var x = 0; x < Width; x++)
            {
                for (var c = 0; c < 3; c++) dst[4 * x + c] = (byte)(uint)(Math.Clamp(planes[c][y * Width + x], 0f, 1f) * 255f + 0.5f);
                dst[4 * x + 3] = 255;
            }
        }
        return bitmap;
    }
}
