namespace DeepPlate.Training.Evaluation;

/// <summary>Writes everything an evaluation produces into one folder.</summary>
public static class EvaluationReport
{
    /// <returns>The files written: eval.json, eval.md, confusion.csv, then the heat maps.</returns>
    public static IReadOnlyList<string> Write(EvaluationResult result, CharacterConfusion confusion, string modelPath, string directory)
    {
        Directory.CreateDirectory(directory);
        string json = Path.Combine(directory, "eval.json"), md = Path.Combine(directory, "eval.md"), csv = Path.Combine(directory, "confusion.csv");
        EvalJson.Write(result, confusion, modelPath, json);
        EvalMarkdown.Write(result, confusion, modelPath, md);
        ConfusionCsv.Write(confusion, csv);
        return [json, md, csv, .. HeatMaps.Write(result, directory)];
    }
}
