using System.Numerics;
using System.Runtime.InteropServices;
using DeepPlate.Formats;

namespace DeepPlate.Synth;

/// <summary>
/// Additive white Gaussian sensor noise at a signal-to-noise ratio measured on the plate:
/// <c>SNR_dB = 10 log10(var(clean plate) / sigma^2)</c>, where var(clean plate) is the variance of the scene's
/// pixels whose centres lie inside the plate's quadrilateral, taken after blur and lighting, at the scene's low
/// resolution, in [0, 1] units; sigma is the standard deviation of the noise added to every pixel of the scene.
/// The noise goes in before clamping and JPEG (literature §3 item 3, the definition the evaluation grid uses), so the
/// plate's contrast, not the scene's background, sets how loud the noise is.
/// </summary>
public readonly record struct SensorNoise(double SnrDb)
{
    // Gaussian deviates by table: a 16-bit slice of a random word picks one of 65,536 equal-probability quantiles
    // of N(0, 1). Box–Muller costs a log, a sqrt and a cosine per pixel (about 25 ns, 300 µs for a 200x60 scene);
    // the table costs one shift and one load, four pixels per 64-bit draw. Quantised at 1/65,536 in probability and
    // cut at ±4.3 sigma, it is Gaussian for any purpose an 8-bit image can show, and rescaled to unit variance so
    // the SNR is exact.
    private const int TableBits = 16;
    private static readonly float[] Quantiles = BuildQuantiles();

    /// <summary>
    /// The noise's standard deviation for a clean plate of variance <paramref name="plateVariance"/>:
    /// sigma = sqrt(var / 10^(SNR/10)). An infinite SNR gives 0.
    /// </summary>
    public double SigmaFor(double plateVariance)
    {
        if (double.IsNaN(SnrDb) || SnrDb == double.NegativeInfinity) throw new ArgumentOutOfRangeException(nameof(SnrDb), SnrDb, "an SNR is a number of dB (+infinity for none)");
        if (!(plateVariance >= 0)) throw new ArgumentOutOfRangeException(nameof(plateVariance), plateVariance, "a variance is >= 0");
        return Math.Sqrt(plateVariance / Math.Pow(10, SnrDb / 10));
    }

    /// <summary>
    /// Measures the plate, adds noise at <see cref="SnrDb"/> to every pixel (no clamping) and returns the sigma used.
    /// </summary>
    public double Apply(GreyImage image, ReadOnlySpan<Vector2> plateCorners, ref DeterministicRandom random)
    {
        var sigma = SigmaFor(PlateVariance(image, plateCorners));
        AddGaussian(image, sigma, ref random);
        return sigma;
    }

    /// <summary>
    /// The variance of the pixels whose centres (x + 0.5, y + 0.5) lie inside the quadrilateral
    /// <paramref name="plateCorners"/> (<see cref="QuadSpans"/>, scanned row by row). When the quadrilateral holds
    /// fewer than two pixel centres (a degenerate plate), the whole image's variance stands in for it.
    /// </summary>
    public static double PlateVariance(GreyImage image, ReadOnlySpan<Vector2> plateCorners)
    {
        if (plateCorners.Length != 4) throw new ArgumentException($"a plate has 4 corners, not {plateCorners.Length}", nameof(plateCorners));
        var w = image.Width;
        var h = image.Height;
        var pixels = image.Pixels;
        foreach (var c in plateCorners)
        {
            if (!float.IsFinite(c.X) || !float.IsFinite(c.Y)) throw new ArgumentException($"corner {c} is not finite", nameof(plateCorners));
        }

        double sum = 0, sumSq = 0;
        long count = 0;
        Span<int> bounds = stackalloc int[4];
        var (yStart, yEnd) = QuadSpans.Rows(plateCorners, h);
        for (var y = yStart; y <= yEnd; y++)
        {
            var n = QuadSpans.Columns(plateCorners, y, w, bounds);
            for (var k = 0; k < n; k += 2)
            {
                SumSpan(pixels.Slice(y * w + bounds[k], bounds[k + 1] - bounds[k]), ref sum, ref sumSq);
                count += bounds[k + 1] - bounds[k];
            }
        }
        if (count < 2)
        {
            sum = sumSq = 0;
            SumSpan(pixels, ref sum, ref sumSq);
            count = pixels.Length;
        }
        var mean = sum / count;
        return Math.Max(0, sumSq / count - mean * mean);
    }

    /// <summary>
    /// Adds the values and their squares to the running sums, in double (a plate's few thousand pixels in float
    /// would lose digits of the variance), four doubles at a time.
    /// </summary>
    private static void SumSpan(ReadOnlySpan<float> values, ref double sum, ref double sumSq)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            var s = Vector<double>.Zero;
            var q = Vector<double>.Zero;
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
            foreach (var v in vectors)
            {
                Vector.Widen(v, out var lo, out var hi);
                s += lo + hi;
                q += lo * lo + hi * hi;
            }
            sum += Vector.Sum(s);
            sumSq += Vector.Sum(q);
            i = vectors.Length * Vector<float>.Count;
        }
        for (; i < values.Length; i++)
        {
            double v = values[i];
            sum += v;
            sumSq += v * v;
        }
    }

    /// <summary>Adds independent N(0, sigma^2) noise to every pixel, drawing from <paramref name="random"/>; no clamping.</summary>
    public static void AddGaussian(GreyImage image, double sigma, ref DeterministicRandom random)
    {
        if (!(sigma >= 0) || double.IsInfinity(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "a noise sigma is a finite number >= 0");
        if (sigma == 0) return;
        var s = (float)sigma;
        var p = image.Pixels;
        var q = Quantiles;
        const int mask = (1 << TableBits) - 1;
        var i = 0;
        for (; i + 4 <= p.Length; i += 4)
        {
            var r = random.NextUInt64();
            p[i] += s * q[(int)(r & mask)];
            p[i + 1] += s * q[(int)((r >> 16) & mask)];
            p[i + 2] += s * q[(int)((r >> 32) & mask)];
            p[i + 3] += s * q[(int)(r >> 48)];
        }
        if (i < p.Length)
        {
            var r = random.NextUInt64();
            for (; i < p.Length; i++, r >>= 16) p[i] += s * q[(int)(r & mask)];
        }
    }

    /// <summary>The 65,536 quantiles Phi^-1((i + 0.5) / 65536), antisymmetric, scaled to mean 0 and variance 1.</summary>
    private static float[] BuildQuantiles()
    {
        const int size = 1 << TableBits;
        var z = new double[size];
        var sumSq = 0.0;
        for (var i = 0; i < size / 2; i++)
        {
            var v = InverseNormal((i + 0.5) / size);
            z[i] = v;
            z[size - 1 - i] = -v;
            sumSq += 2 * v * v;
        }
        var scale = 1 / Math.Sqrt(sumSq / size);
        var table = new float[size];
        for (var i = 0; i < size; i++) table[i] = (float)(z[i] * scale);
        return table;
    }

    /// <summary>
    /// Acklam's rational approximation of the inverse normal CDF (relative error below 1.2e-9, far below float
    /// precision), for p in (0, 0.5]; System.Math has no erf to refine with, and needs none here.
    /// </summary>
    private static double InverseNormal(double p)
    {
        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                   ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r /
               (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
