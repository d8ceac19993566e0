using System.Text.Encodings.Web;
using System.Text.Json;
using DeepPlate.Inference;

namespace DeepPlate.Training.Evaluation;

/// <summary>
/// eval.json: the model's metadata, the grid, the overall and per-cell metrics and ML.NET's character figures, in
/// a shape meant for scripts comparing runs (one flat object per cell, "none" axes as null).
/// </summary>
public static class EvalJson
{
    // A file for people and scripts, never embedded in HTML: Ä stays Ä rather than \u00C4.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(EvaluationResult result, CharacterConfusion confusion, string modelPath, string path)
    {
        var g = result.Grid;
        var f = g.Fixed;
        var document = new Document(
            new ModelJson(Path.GetFileName(modelPath), result.Model, result.FormatsChanged),
            new GridJson(g.WidthsPx, g.SnrsDb, g.JpegQualities, $"0x{g.Seed:X}",
                new FixedJson(f.YawDeg, f.PitchDeg, f.RollDeg, f.BlurSigmaPx, f.MotionLengthPx, f.MotionAngleDeg,
                    f.Brightness, f.Contrast, f.Gamma, f.UnevenLight, f.UnevenLightAngleDeg, g.ClickErrorFraction)),
            result.SamplesPerCell,
            result.Overall,
            new CharactersJson(confusion.MicroAccuracy, confusion.MacroAccuracy, confusion.LogLoss, confusion.TopKAccuracy,
                confusion.MostConfused(EvalMarkdown.ConfusedPairs)),
            [.. result.Cells.Select(c => CellJson.Of(c.Cell.WidthPx, c.Cell.SnrDb, c.Cell.JpegQuality, c.Metrics))],
            result.Clean is { } clean ? CellJson.Of(100, null, null, clean) : null,
            result.Ceiling,
            result.CornerSets,
            result.Appearance);
        File.WriteAllText(path, JsonSerializer.Serialize(document, Options));
    }

    /// <summary>Reads an eval.json back (for model cards and the accuracy page).</summary>
    /// <exception cref="InvalidDataException">Not an eval.json.</exception>
    public static Document Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not an eval.json: {e.Message}", e);
        }
    }

    /// <param name="Clean">The clean cell on many plates (<c>--clean-samples</c>); null in older files or when off.</param>
    /// <param name="Ceiling">The cells against the ideal observer (<c>--ceilings</c>); null in older files or without one.</param>
    /// <param name="CornerSets">Corner sets each plate was read with, fused (1 in older files).</param>
    /// <param name="Appearance">How the plates looked (<c>--appearance</c>; "plain", the grid's own, in older files).</param>
    public sealed record Document(ModelJson Model, GridJson Grid, int SamplesPerCell, Metrics Overall, CharactersJson Characters, IReadOnlyList<CellJson> Cells,
        CellJson? Clean = null, CeilingCells? Ceiling = null, int CornerSets = 1, string Appearance = "plain")
    {
        public IReadOnlyList<TargetResult> Targets() => AccuracyTargets.Evaluate((w, s, q) =>
        {
            foreach (var c in Cells)
            {
                if (c.WidthPx == w && c.SnrDb == s && c.JpegQuality == q) return c.Metrics;
            }
            return null;
        }, Overall, Clean?.Metrics, Ceiling);
    }

    public sealed record ModelJson(string File, ModelInfo Info, bool FormatsChangedSinceTraining);

    public sealed record GridJson(IReadOnlyList<double> WidthsPx, IReadOnlyList<double?> SnrsDb, IReadOnlyList<int?> JpegQualities, string Seed, FixedJson Fixed);

    public sealed record FixedJson(double YawDeg, double PitchDeg, double RollDeg, double BlurSigmaPx, double MotionLengthPx, double MotionAngleDeg,
        double Brightness, double Contrast, double Gamma, double UnevenLight, double UnevenLightAngleDeg, double ClickErrorFractionOfWidth);

    /// <summary>ML.NET's multiclass evaluation over every character position of the grid.</summary>
    public sealed record CharactersJson(double MicroAccuracy, double MacroAccuracy, double LogLoss, IReadOnlyList<double> TopKAccuracy,
        IReadOnlyList<ConfusedPair> MostConfused);

    public sealed record CellJson(double WidthPx, double? SnrDb, int? JpegQuality, int Plates, int Characters,
        double CharTop1, double CharTop3, double Exact, double Top60, double Ece)
    {
        public Metrics Metrics => new(Plates, Characters, CharTop1, CharTop3, Exact, Top60, Ece);

        public static CellJson Of(double widthPx, double? snrDb, int? jpegQuality, Metrics m) =>
            new(widthPx, snrDb, jpegQuality, m.Plates, m.Characters, m.CharTop1, m.CharTop3, m.Exact, m.Top60, m.Ece);
    }
}
