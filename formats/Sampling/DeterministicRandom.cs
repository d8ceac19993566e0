namespace DeepPlate.Formats;

/// <summary>
/// A small, fast random generator (SplitMix64) whose whole state is one number, so that a synthetic sample is a
/// pure function of (seed, index) on every machine and .NET version (System.Random makes no such promise).
/// </summary>
public struct DeterministicRandom
{
    private ulong state;

    public DeterministicRandom(ulong seed) => state = seed;

    /// <summary>The generator for sample <paramref name="index"/> of the stream <paramref name="seed"/>.</summary>
    public static DeterministicRandom For(ulong seed, long index) =>
        new(Mix(seed ^ Mix(unchecked((ulong)index) + 0x9E3779B97F4A7C15UL)));

    /// <summary>An independent generator for one part of a sample (the text, the rendering, each degradation…).</summary>
    public readonly DeterministicRandom Fork(ulong salt) => new(Mix(state ^ Mix(salt + 0xD1B54A32D192ED03UL)));

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>Uniform in [0, <paramref name="n"/>).</summary>
    public int Next(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n));
        return (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);
    }

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>] (both included).</summary>
    public int NextInclusive(int min, int max) => min + Next(max - min + 1);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Standard normal (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>An index drawn with the given running sums of weights.</summary>
    public int Pick(ReadOnlySpan<double> cumulative)
    {
        var x = NextDouble() * cumulative[^1];
        var lo = 0;
        var hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (cumulative[mid] > x) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>An index drawn with the given weights (a short list: templates, states, variants).</summary>
    public int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++) total += weights[i];
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Count - 1; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Count - 1;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
