using DeepPlate.Formats;
using DeepPlate.Synth;
using DeepPlate.Training.Evaluation.Ceiling;

namespace DeepPlate.Training;

/// <summary>
/// Spends training samples where they teach (issue 17): a plate whose camera leaves nothing to read (the ideal
/// observer of its country, at the grid cell nearest its width, noise and JPEG, reads under twice the chance of a
/// guess) is replaced, with probability 1 - <see cref="Keep"/>, by another draw. The observer's cells come from
/// <c>deepplate ceiling</c> (a fixed camera with little blur, so the filter errs on the side of keeping); each
/// decision is drawn from (seed, index, attempt), so the sample stream stays a pure function of them.
/// </summary>
public sealed class HopelessPlates(CeilingResult ceiling, double keep, int alphabetSize)
{
    /// <summary>Draws per sample before the last one is kept whatever it is.</summary>
    public const int Attempts = 4;

    public double Keep => keep;

    /// <summary>The observer's accuracy below which a plate is hopeless: twice a guess among the alphabet.</summary>
    public double Chance => 2.0 / alphabetSize;

    private readonly double[] widths = [.. ceiling.Cells.Select(c => c.WidthPx).Distinct().Order()];
    private readonly double?[] snrs = [.. ceiling.Cells.Select(c => c.SnrDb).Distinct()];
    private readonly int?[] jpegs = [.. ceiling.Cells.Select(c => c.JpegQuality).Distinct()];

    /// <summary>The filter of a run: its copy of the country's ceiling, made from <paramref name="folder"/> when the run
    /// starts, so a resumed run (or one rebuilt later) filters as it did.</summary>
    /// <exception cref="FileNotFoundException">Neither the run nor the folder has the country's ceiling.</exception>
    public static HopelessPlates ForRun(RunFolder run, string? folder, string country, double keep)
    {
        if (!System.IO.File.Exists(run.Ceiling))
        {
            var file = Path.Combine(folder ?? "", country, "ceiling.json");
            if (folder is null || !System.IO.File.Exists(file))
                throw new FileNotFoundException($"--ceilings: no {file} (deepplate ceiling --country {country} --out {Path.GetDirectoryName(file)})", file);
            Directory.CreateDirectory(run.Path);
            System.IO.File.Copy(file, run.Ceiling);
        }
        return new HopelessPlates(CeilingResult.ReadJson(run.Ceiling), keep, ModelAlphabet.For(FormatRegistry.Default.Country(country)).Characters.Length);
    }

    /// <summary>The observer's accuracy at the grid cell nearest to these degradations (width on a log scale).</summary>
    public double Readable(Degradations d)
    {
        var width = widths.MinBy(w => Math.Abs(Math.Log(w / Math.Max(1, d.WidthPx))));
        var snr = d.SnrDb is { } s ? snrs.Where(x => x is not null).MinBy(x => Math.Abs(x!.Value - s)) : null;
        var jpeg = d.JpegQuality is { } q ? jpegs.Where(x => x is not null).MinBy(x => Math.Abs(x!.Value - q)) : null;
        return ceiling.At(width, snr, jpeg)?.Accuracy ?? 1;
    }

    /// <summary>Whether draw <paramref name="attempt"/> of sample (seed, index) is passed over.</summary>
    public bool Skip(Degradations d, ulong seed, long index, int attempt)
    {
        if (attempt >= Attempts - 1 || keep >= 1 || Readable(d) >= Chance) return false;
        var random = DeterministicRandom.For(seed, index).Fork(0x5EED_0000UL + (ulong)attempt);
        return random.NextDouble() >= keep;
    }

    /// <summary>The seed of another draw of the same sample: attempt 0 is the sample itself.</summary>
    public static ulong Reseed(ulong seed, int attempt) => attempt == 0 ? seed : unchecked(seed + (ulong)attempt * 0xA24BAED4963EE407UL);
}
