namespace DeepPlate.Synth;

/// <summary>
/// Interlaced video of a moving car (analogue and older CCTV cameras record odd and even rows a field apart): every
/// odd row is moved sideways by <see cref="ShiftPx"/> pixels (linear between neighbours), the comb along vertical
/// strokes that such frames show. Before the camera's noise and compression, as the sensor records it.
/// </summary>
public readonly record struct Interlace(double ShiftPx)
{
    public void Apply(GreyImage scene)
    {
        var w = scene.Width;
        var whole = (int)Math.Floor(ShiftPx);
        var part = (float)(ShiftPx - whole);
        Span<float> copy = w <= 1024 ? stackalloc float[w] : new float[w];
        var pixels = scene.Pixels;
        for (var y = 1; y < scene.Height; y += 2)
        {
            var row = pixels.Slice(y * w, w);
            row.CopyTo(copy);
            // Pixel x shows what was at x - shift in the other field; the edge pixel repeats.
            for (var x = 0; x < w; x++)
            {
                var a = copy[Math.Clamp(x - whole, 0, w - 1)];
                var b = copy[Math.Clamp(x - whole - 1, 0, w - 1)];
                row[x] = a + (b - a) * part;
            }
        }
    }
}
