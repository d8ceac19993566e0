using System.Buffers;
using System.Numerics;

namespace DeepPlate.Inference;

/// <summary>
/// From a decoded picture and the plate's corners to the network input: the grey values of the plate's bounding
/// box only (plus a margin for the bilinear taps, so the result is the one the whole picture would give), then the
/// shared <see cref="Rectifier"/>, the routine training uses.
/// </summary>
public static class PlatePreprocessing
{
    /// <summary>Pixels around the corners' bounding box: the rectifier's bilinear taps reach one pixel beyond a
    /// sample point, which lies inside the quadrilateral.</summary>
    private const int Margin = 2;

    /// <summary>Crops up to this many pixels come from the shared pool; a larger one (a whole 50 MP picture as the
    /// plate) is allocated and left to the collector, so the pool does not keep hundreds of megabytes.</summary>
    private const int PooledPixels = 1 << 22;

    /// <param name="corners">Validated corners (<see cref="PlateCorners.Validate"/>) in the upright picture.</param>
    /// <param name="input">The network input, <paramref name="inputWidth"/> x <paramref name="inputHeight"/>.</param>
    public static void Rectify(PlateImage image, ReadOnlySpan<Vector2> corners, Span<float> input, int inputWidth, int inputHeight)
    {
        if (corners.Length != 4) throw new ArgumentException("four corners are needed", nameof(corners));
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        foreach (var c in corners)
        {
            minX = Math.Min(minX, c.X);
            minY = Math.Min(minY, c.Y);
            maxX = Math.Max(maxX, c.X);
            maxY = Math.Max(maxY, c.Y);
        }
        var x0 = Math.Clamp((int)MathF.Floor(minX) - Margin, 0, image.Width - 1);
        var y0 = Math.Clamp((int)MathF.Floor(minY) - Margin, 0, image.Height - 1);
        var x1 = Math.Clamp((int)MathF.Ceiling(maxX) + Margin, x0 + 1, image.Width);
        var y1 = Math.Clamp((int)MathF.Ceiling(maxY) + Margin, y0 + 1, image.Height);
        var (w, h) = (x1 - x0, y1 - y0);

        var pooled = w * h <= PooledPixels;
        var crop = pooled ? ArrayPool<float>.Shared.Rent(w * h) : GC.AllocateUninitializedArray<float>(w * h);
        try
        {
            image.CopyGrey(x0, y0, w, h, crop);
            Span<Vector2> shifted = stackalloc Vector2[4];
            var offset = new Vector2(x0, y0);
            for (var i = 0; i < 4; i++) shifted[i] = corners[i] - offset;
            Rectifier.Rectify(crop.AsSpan(0, w * h), w, h, shifted, input, inputWidth, inputHeight);
        }
        finally
        {
            if (pooled) ArrayPool<float>.Shared.Return(crop);
        }
    }
}
