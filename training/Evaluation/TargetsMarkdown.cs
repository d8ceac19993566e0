using System.Text;

namespace DeepPlate.Training.Evaluation;

/// <summary>The accuracy targets as a Markdown table: eval.md, model cards and docs/accuracy.md show them alike.</summary>
public static class TargetsMarkdown
{
    public static void Append(StringBuilder md, IReadOnlyList<TargetResult> results)
    {
        md.Line("| target | cell | goal | measured | verdict |").Line("|---|---|---:|---:|---|");
        foreach (var r in results)
        {
            md.Line($"| {r.Target.Name} ({r.Target.Metric.Title.ToLowerInvariant()}) | {r.Target.Condition} | {r.Target.Goal} | {r.Shown} | {r.Verdict} |");
        }
    }
}
