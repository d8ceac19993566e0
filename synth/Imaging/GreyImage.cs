using System.Buffers;

namespace DeepPlate.Synth;

/// <summary>
/// A grey image, one float per pixel, 0 = black and 1 = white (linear in the 8-bit code values, as a camera's
/// JPEG would store them). Pixels come from <see cref="ArrayPool{T}"/>: dispose the image to return them.
/// </summary>
public sealed class GreyImage : IDisposable
{
    private float[]? buffer;

    public GreyImage(int width, int height)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"{width}x{height}");
        Width = width;
        Height = height;
        buffer = ArrayPool<float>.Shared.Rent(width * height);
        Pixels.Clear();
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Row-major pixels, <c>Width * Height</c> of them.</summary>
    public Span<float> Pixels => (buffer ?? throw new ObjectDisposedException(nameof(GreyImage))).AsSpan(0, Width * Height);

    public Span<float> Row(int y) => Pixels.Slice(y * Width, Width);

    public ref float this[int x, int y] => ref Pixels[y * Width + x];

    public GreyImage Clone()
    {
        var copy = new GreyImage(Width, Height);
        Pixels.CopyTo(copy.Pixels);
        return copy;
    }

    /// <summary>Clamps every pixel to [0, 1], as a sensor and an 8-bit encoder do.</summary>
    public void Clamp()
    {
        var p = Pixels;
        for (var i = 0; i < p.Length; i++) p[i] = Math.Clamp(p[i], 0f, 1f);
    }

    public void Dispose()
    {
        if (buffer is null) return;
        ArrayPool<float>.Shared.Return(buffer);
        buffer = null;
    }
}
