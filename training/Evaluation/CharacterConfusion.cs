using Microsoft.ML;
using Microsoft.ML.Data;

namespace DeepPlate.Training.Evaluation;

/// <summary>One kind of mistake: a true character read as another (or as no character at all).</summary>
/// <param name="Predicted">The class read instead; null = "no character" (the character was dropped).</param>
/// <param name="Share">Count over all occurrences of <paramref name="True"/>.</param>
public sealed record ConfusedPair(char True, char? Predicted, long Count, double Share);

/// <summary>
/// Which characters the model confuses with which, over every character position of the grid, from Microsoft.ML's
/// multiclass evaluation (its confusion matrix and top-k accuracy: a second, independent count of the figures
/// <see cref="PlateScorer"/> computes).
/// </summary>
/// <param name="Alphabet">The model's characters; class <c>Alphabet.Length</c> is "no character".</param>
/// <param name="Counts">Counts[t][p]: characters of class t read as class p; classes x classes (the "no character"
/// row is empty, as only real characters are counted).</param>
/// <param name="TopKAccuracy">Top-1, top-2, top-3 accuracy over the characters.</param>
public sealed record CharacterConfusion(
    string Alphabet,
    long[][] Counts,
    IReadOnlyList<double> TopKAccuracy,
    double MicroAccuracy,
    double MacroAccuracy,
    double LogLoss)
{
    public const int TopK = 3;

    public static CharacterConfusion Evaluate(GridPredictions predictions, string alphabet)
    {
        var classes = predictions.Classes;
        if (alphabet.Length + 1 != classes) throw new ArgumentException($"alphabet {alphabet} does not have {classes - 1} characters");
        var ml = new MLContext(seed: 0);
        // Key columns hold 0-based class indices on this loading path; 1-based keys give silently wrong metrics
        // (platform-notes §7). The key count is the model's, so every country's alphabet fits one row type.
        var schema = SchemaDefinition.Create(typeof(Row));
        var key = new KeyDataViewType(typeof(uint), classes);
        schema[nameof(Row.Label)].ColumnType = key;
        schema[nameof(Row.PredictedLabel)].ColumnType = key;
        schema[nameof(Row.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, classes);
        var data = ml.Data.LoadFromEnumerable(Rows(predictions), schema);
        var metrics = ml.MulticlassClassification.Evaluate(data, nameof(Row.Label), nameof(Row.Score), nameof(Row.PredictedLabel), topKPredictionCount: TopK);

        var counts = new long[classes][];
        for (var t = 0; t < classes; t++)
        {
            counts[t] = new long[classes];
            var row = metrics.ConfusionMatrix.Counts[t];
            for (var p = 0; p < classes; p++) counts[t][p] = (long)row[p];
        }
        return new CharacterConfusion(alphabet, counts, [.. metrics.TopKAccuracyForAllK], metrics.MicroAccuracy, metrics.MacroAccuracy, metrics.LogLoss);
    }

    /// <summary>The <paramref name="count"/> most frequent mistakes, most frequent first (ties in class order).</summary>
    public IReadOnlyList<ConfusedPair> MostConfused(int count)
    {
        var pairs = new List<ConfusedPair>();
        for (var t = 0; t < Alphabet.Length; t++)
        {
            long total = 0;
            foreach (var n in Counts[t]) total += n;
            for (var p = 0; p < Counts[t].Length; p++)
            {
                if (p == t || Counts[t][p] == 0) continue;
                pairs.Add(new ConfusedPair(Alphabet[t], p < Alphabet.Length ? Alphabet[p] : null, Counts[t][p], (double)Counts[t][p] / total));
            }
        }
        // Stable: equal counts keep the class order they were added in.
        return [.. pairs.OrderByDescending(p => p.Count).Take(count)];
    }

    /// <summary>Every character position of every plate, one row each (blank slots are not characters).</summary>
    private static IEnumerable<Row> Rows(GridPredictions p)
    {
        for (var plate = 0; plate < p.Plates; plate++)
        {
            for (var s = 0; s < p.Lengths[plate]; s++)
            {
                var slot = plate * p.Slots + s;
                var score = p.Probabilities.AsSpan(slot * p.Classes, p.Classes).ToArray();
                yield return new Row { Label = (uint)p.Labels[slot], Score = score, PredictedLabel = (uint)PlateScorer.Best(score) };
            }
        }
    }

    private sealed class Row
    {
        public uint Label { get; set; }

        public float[] Score { get; set; } = [];

        public uint PredictedLabel { get; set; }
    }
}
