using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Synth;

namespace DeepPlate.Training.Evaluation;

/// <summary>
/// Evaluates a model on a grid: generates each cell's plates, rectifies them with the shared rectifier, runs the
/// model in batches and scores every plate. The result depends only on the model, the grid and the number of
/// samples: each plate is a pure function of (seed, index, cell), writes only its own place in the buffers, and
/// the batches are fixed runs of consecutive plates of a cell, whichever thread generated them.
/// </summary>
public static class Evaluator
{
    /// <summary>Plates per model call: big enough for ONNX Runtime's batch throughput (platform-notes §6).</summary>
    public const int BatchSize = 64;

    /// <param name="samples">Plates per cell.</param>
    /// <param name="threads">Threads generating plates (one generator each).</param>
    /// <param name="cellDone">Called after each cell with the number of cells done.</param>
    /// <param name="cornerSets">Corner sets each plate is read with (<see cref="CornerJitter"/>), fused as the reader
    /// fuses them (<see cref="FrameFusion"/>); 1: the clicked corners alone.</param>
    /// <param name="appearance">How the plates look (null: <see cref="AppearanceSpec.Plain"/>, the grid's own); the
    /// varied look measures how much of the gap to real photos the look explains.</param>
    /// <param name="appearanceName">The name the result records for it ("plain", "default" or its file).</param>
    /// <exception cref="InvalidDataException">The model cannot read the plates the current formats produce.</exception>
    public static EvaluationResult Run(PlateModel model, EvaluationGrid grid, int samples, int threads, Action<int>? cellDone = null, int cornerSets = 1,
        AppearanceSpec? appearance = null, string appearanceName = "plain")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cornerSets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cornerSets, CornerJitter.MaxSets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var info = model.Info;
        var country = FormatRegistry.Default.Country(info.Country);
        // Encode with the model's own alphabet: its class indices are what the network outputs.
        var alphabet = new ModelAlphabet(info.Alphabet, info.Slots);
        var cells = grid.Cells;
        var (slots, classes, inputSize, outputSize) = (info.Slots, info.Classes, model.InputSize, model.OutputSize);
        var plates = (long)cells.Count * samples;
        if (plates * outputSize > Array.MaxLength) throw new ArgumentException($"{samples} samples per cell do not fit in memory; use fewer");

        var predictions = new GridPredictions(new float[plates * outputSize], new int[plates * slots], new int[plates], slots, classes);
        var inputs = new float[BatchSize * cornerSets * inputSize];
        var outputs = new float[BatchSize * cornerSets * outputSize];
        var results = new CellResult[cells.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        using var generators = new ThreadLocal<PlateGenerator>(
            () => new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default, appearance), trackAllValues: true);
        try
        {
            foreach (var cell in cells)
            {
                var degradations = grid.At(cell);
                var first = cell.Index * samples;
                for (var start = 0; start < samples; start += BatchSize)
                {
                    var count = Math.Min(BatchSize, samples - start);
                    Parallel.For(0, count, parallel, b =>
                    {
                        var plate = first + start + b;
                        using var sample = generators.Value!.Generate(country.Code, null, grid.Seed, start + b, fix: _ => degradations);
                        System.Numerics.Vector2[][] sets = cornerSets == 1 ? [sample.Clicked] : CornerJitter.Sets(sample.Clicked, cornerSets, sample.Scene.Width, sample.Scene.Height);
                        for (var s = 0; s < cornerSets; s++)
                        {
                            Rectifier.Rectify(sample.Scene.Pixels, sample.Scene.Width, sample.Scene.Height, sets[s],
                                inputs.AsSpan((b * cornerSets + s) * inputSize, inputSize), info.InputWidth, info.InputHeight);
                        }
                        Encode(alphabet, sample.Text.Compact, info, predictions.Labels.AsSpan(plate * slots, slots));
                        predictions.Lengths[plate] = sample.Text.Compact.Length;
                    });
                    model.Run(inputs, count * cornerSets, outputs);
                    for (var b = 0; b < count; b++)
                    {
                        FrameFusion.Fuse(outputs.AsSpan(b * cornerSets * outputSize, cornerSets * outputSize), cornerSets, slots, classes,
                            predictions.Probabilities.AsSpan((first + start + b) * outputSize, outputSize));
                    }
                }

                var (counts, metrics) = Score(predictions, first, samples, threads);
                results[cell.Index] = new CellResult(cell, counts, metrics);
                cellDone?.Invoke(cell.Index + 1);
            }
        }
        finally
        {
            foreach (var g in generators.Values) g.Dispose();
        }

        var total = default(Tally);
        foreach (var r in results) total += r.Counts;
        var overall = Metrics.From(total, CalibrationError.Expected(predictions.Probabilities, predictions.Labels, classes));
        return new EvaluationResult(info, grid, samples, results, overall, predictions, country.Sha256 != info.FormatsSha256) { CornerSets = cornerSets, Appearance = appearance is null ? "plain" : appearanceName };
    }

    private static void Encode(ModelAlphabet alphabet, string compact, ModelInfo info, Span<int> labels)
    {
        int[] encoded;
        try
        {
            encoded = alphabet.Encode(compact);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(
                $"the model ({info.Country}, alphabet {info.Alphabet}, {info.Slots} slots) cannot read plate '{compact}' of the current formats: {e.Message}", e);
        }
        encoded.CopyTo(labels);
    }

    /// <summary>Counts and metrics of <paramref name="count"/> consecutive plates from <paramref name="first"/> (one cell).</summary>
    public static (Tally Counts, Metrics Metrics) Score(GridPredictions predictions, int first, int count, int threads = 1)
    {
        var (slots, classes) = (predictions.Slots, predictions.Classes);
        var size = slots * classes;
        var tallies = new Tally[count];
        using var scorers = new ThreadLocal<PlateScorer>(() => new PlateScorer(slots, classes));
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var plate = first + i;
            tallies[i] = scorers.Value!.Score(predictions.Probabilities.AsSpan(plate * size, size),
                predictions.Labels.AsSpan(plate * slots, slots), predictions.Lengths[plate]);
        });
        var sum = default(Tally);
        foreach (var t in tallies) sum += t;
        var ece = CalibrationError.Expected(predictions.Probabilities.AsSpan(first * size, count * size),
            predictions.Labels.AsSpan(first * slots, count * slots), classes);
        return (sum, Metrics.From(sum, ece));
    }
}
