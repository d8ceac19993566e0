using System.Numerics;
using System.Runtime.InteropServices;
using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Degradation;

/// <summary>Small synthetic scenes and independent measurements for the degradation tests.</summary>
internal static class TestScenes
{
    /// <summary>A skewed plate quadrilateral with fractional corners (no pixel centre lies on an edge), clockwise on screen.</summary>
    public static readonly Vector2[] PlateCorners = [new(30.3f, 12.2f), new(168.7f, 8.6f), new(171.4f, 49.3f), new(27.8f, 53.9f)];

    /// <summary>
    /// A 200x60 scene: a flat background of <paramref name="background"/>, and inside <see cref="PlateCorners"/> a
    /// plate of dark and light bars (<paramref name="dark"/>, <paramref name="light"/>) like characters, so the plate's
    /// variance differs from the whole scene's.
    /// </summary>
    public static GreyImage Plate(float dark = 0.35f, float light = 0.65f, float background = 0.5f, int width = 200, int height = 60)
    {
        var image = new GreyImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = Inside(PlateCorners, x + 0.5f, y + 0.5f)
                    ? ((x / 5 + y / 12) % 2 == 0 ? dark : light)
                    : background;
            }
        }
        return image;
    }

    /// <summary>Uniform random values in [lo, hi): white texture.</summary>
    public static GreyImage Texture(int width, int height, ulong seed, float lo = 0, float hi = 1)
    {
        var image = new GreyImage(width, height);
        var random = new DeterministicRandom(seed);
        var p = image.Pixels;
        for (var i = 0; i < p.Length; i++) p[i] = (float)random.Uniform(lo, hi);
        return image;
    }

    /// <summary>A black image with one white pixel at its centre: the step's kernel shows in the result.</summary>
    public static GreyImage Impulse(int size)
    {
        var image = new GreyImage(size, size);
        image[size / 2, size / 2] = 1;
        return image;
    }

    /// <summary>Point in a convex quadrilateral (either orientation): all edge cross products share a sign. Written
    /// independently of the scan-line code under test.</summary>
    public static bool Inside(ReadOnlySpan<Vector2> quad, float x, float y)
    {
        int positive = 0, negative = 0;
        for (var i = 0; i < 4; i++)
        {
            var a = quad[i];
            var b = quad[(i + 1) % 4];
            var cross = (b.X - a.X) * (y - a.Y) - (b.Y - a.Y) * (x - a.X);
            if (cross > 0) positive++;
            else if (cross < 0) negative++;
        }
        return positive == 0 || negative == 0;
    }

    /// <summary>The values of <paramref name="image"/> at the pixels whose centres lie inside the plate.</summary>
    public static List<double> PlateValues(GreyImage image, ReadOnlySpan<Vector2> quad)
    {
        var values = new List<double>();
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
                if (Inside(quad, x + 0.5f, y + 0.5f)) values.Add(image[x, y]);
        return values;
    }

    /// <summary>
    /// The SNR in dB as the definition states it, measured from the outside: the variance of the clean image over the
    /// plate, over the variance of (noisy - clean) over the plate.
    /// </summary>
    public static double MeasuredSnrDb(GreyImage clean, GreyImage noisy, ReadOnlySpan<Vector2> quad)
    {
        var signal = PlateValues(clean, quad);
        var noisyValues = PlateValues(noisy, quad);
        var noise = new List<double>(signal.Count);
        for (var i = 0; i < signal.Count; i++) noise.Add(noisyValues[i] - signal[i]);
        return 10 * Math.Log10(Variance(signal) / Variance(noise));
    }

    public static double Mean(IReadOnlyList<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum / values.Count;
    }

    public static double Variance(IReadOnlyList<double> values)
    {
        var mean = Mean(values);
        var sum = 0.0;
        foreach (var v in values) sum += (v - mean) * (v - mean);
        return sum / values.Count;
    }

    public static double Mean(GreyImage image) => Mean(All(image));

    public static double Variance(GreyImage image) => Variance(All(image));

    public static List<double> All(GreyImage image)
    {
        var values = new List<double>(image.Pixels.Length);
        foreach (var p in image.Pixels) values.Add(p);
        return values;
    }

    /// <summary>The raw bytes of the pixels: "identical" means identical bits.</summary>
    public static byte[] Bytes(GreyImage image) => MemoryMarshal.AsBytes<float>(image.Pixels).ToArray();

    /// <summary>The 8-bit codes the image is written as (PNG, the JPEG step's input).</summary>
    public static byte[] Codes(GreyImage image)
    {
        using var bitmap = GreyImageIO.ToBitmap(image);
        var codes = new byte[image.Width * image.Height];
        for (var y = 0; y < image.Height; y++) bitmap.GetPixelSpan().Slice(y * bitmap.RowBytes, image.Width).CopyTo(codes.AsSpan(y * image.Width));
        return codes;
    }

    public static double MeanAbsDifference(GreyImage a, GreyImage b)
    {
        var sum = 0.0;
        var pa = a.Pixels;
        var pb = b.Pixels;
        for (var i = 0; i < pa.Length; i++) sum += Math.Abs(pa[i] - pb[i]);
        return sum / pa.Length;
    }

    public static double MaxAbsDifference(GreyImage a, GreyImage b)
    {
        var max = 0.0;
        var pa = a.Pixels;
        var pb = b.Pixels;
        for (var i = 0; i < pa.Length; i++) max = Math.Max(max, Math.Abs(pa[i] - pb[i]));
        return max;
    }
}
