using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Synth;

namespace DeepPlate.Training;

/// <summary>
/// Turns synthetic samples into network inputs exactly as serving does: the generator's scene and the corners a user
/// would have clicked go through the reader's own <see cref="Rectifier"/>. One instance per thread.
/// </summary>
/// <param name="appearance">How much plates vary beyond the camera; null: the plain generator.</param>
/// <param name="hopeless">Plates to pass over (training batches only); null: every plate as drawn.</param>
/// <param name="erasing">Rectangles erased from the inputs (training batches only); null: none.</param>
/// <param name="degradations">The camera degradations' ranges (training batches only: <c>--degradations</c>); null: synth/degradations.jsonc.</param>
public sealed class PlateSampler(string country, int inputHeight, int inputWidth, AppearanceSpec? appearance = null, HopelessPlates? hopeless = null,
    RandomErasing? erasing = null, DegradationSpec? degradations = null) : IDisposable
{
    private readonly PlateGenerator generator = new(FormatRegistry.Default, FontCatalog.Default, degradations ?? DegradationSpec.Default, appearance);
    private readonly ModelAlphabet alphabet = ModelAlphabet.For(FormatRegistry.Default.Country(country));
    private readonly bool teachesIssued = FormatRegistry.Default.Country(country).Prior == TaughtPrior.Issued;

    public ModelAlphabet Alphabet => alphabet;

    /// <summary>Writes sample (seed, index) into slot <paramref name="position"/> of the buffers.</summary>
    /// <returns>The plate's loss weight under --issued-prior: how much more often its template is issued than drawn
    /// (<see cref="SyntheticPlate.IssuedOverDrawn"/>), or 1 where the country's format file teaches the drawn prior.</returns>
    public double Fill(ulong seed, long index, double difficulty, Span<float> inputs, Span<long> labels, int position)
    {
        var size = inputHeight * inputWidth;
        using var plate = Draw(seed, index, difficulty);
        var input = inputs.Slice(position * size, size);
        Rectifier.Rectify(plate.Scene.Pixels, plate.Scene.Width, plate.Scene.Height, plate.Clicked, input, inputWidth, inputHeight);
        erasing?.Apply(input, inputHeight, inputWidth, seed, index);
        var classes = alphabet.Encode(plate.Text.Compact);
        for (var s = 0; s < classes.Length; s++) labels[position * alphabet.Slots + s] = classes[s];
        return teachesIssued ? plate.IssuedOverDrawn : 1;
    }

    private SyntheticPlate Draw(ulong seed, long index, double difficulty)
    {
        var plate = generator.Generate(country, null, seed, index, difficulty);
        for (var attempt = 0; hopeless is not null && hopeless.Skip(plate.Degradations, seed, index, attempt); attempt++)
        {
            plate.Dispose();
            plate = generator.Generate(country, null, HopelessPlates.Reseed(seed, attempt + 1), index, difficulty);
        }
        return plate;
    }

    /// <summary>A fixed set (validation, calibration): <paramref name="count"/> plates of one seed, in parallel.</summary>
    public static (float[] Inputs, long[] Labels) FixedSet(string country, int inputHeight, int inputWidth, ulong seed, int count, double difficulty, int threads, AppearanceSpec? appearance = null)
    {
        var slots = ModelAlphabet.For(FormatRegistry.Default.Country(country)).Slots;
        var inputs = new float[(long)count * inputHeight * inputWidth];
        var labels = new long[count * slots];
        using var samplers = new ThreadLocal<PlateSampler>(() => new PlateSampler(country, inputHeight, inputWidth, appearance), trackAllValues: true);
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            i => samplers.Value!.Fill(seed, i, difficulty, inputs, labels, i));
        foreach (var s in samplers.Values) s.Dispose();
        return (inputs, labels);
    }

    public void Dispose() => generator.Dispose();
}
