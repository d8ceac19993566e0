namespace DeepPlate.Training.Evaluation.Real;

/// <summary>
/// The figures of a group of readings (one source × country × condition, or a whole country). Rates are over the
/// photos read; photos that could not be read (<see cref="Errors"/>) are named apart and counted in no rate.
/// </summary>
/// <param name="CharAccuracy">Mean per-character accuracy (<see cref="RealScoring.CharacterAccuracy"/>).</param>
/// <param name="MeanTopConfidence">Mean confidence of the top plate: honest when it equals <see cref="Exact"/>. Of the
/// positions a label hides (<c>?</c>), which count as right whatever is read, the confidence is left out
/// (<see cref="RealScoring.Checkable"/>).</param>
/// <param name="MeanCharConfidence">Mean confidence of the top plate's characters, hidden positions left out: honest
/// when it equals <see cref="CharAccuracy"/>.</param>
/// <param name="PositionEce">Calibration error of the top plate's per-position confidences at the label's visible
/// positions, over the photos whose top plate is as long as the label (positions pair up); null when there is none.</param>
/// <param name="Paired">How many photos <see cref="PositionEce"/> is over.</param>
public sealed record RealSummary(
    string Source,
    string Country,
    string Condition,
    int Photos,
    int Errors,
    double CharAccuracy,
    double Exact,
    double Top60,
    double Valid,
    double MeanTopConfidence,
    double MeanCharConfidence,
    double? PositionEce,
    int Paired)
{
    /// <summary>One row per source × country × condition (in order of first appearance), then one per country ×
    /// condition over all its sources (source "all").</summary>
    public static List<RealSummary> Of(IReadOnlyList<RealRead> reads)
    {
        var rows = new List<RealSummary>();
        foreach (var g in reads.GroupBy(r => (r.Photo.Source, r.Photo.Country, r.Condition.Key)))
        {
            rows.Add(From(g.Key.Source, g.Key.Country, g.First().Condition.Name, [.. g]));
        }
        foreach (var g in reads.GroupBy(r => (r.Photo.Country, r.Condition.Key)))
        {
            rows.Add(From("all", g.Key.Country, g.First().Condition.Name, [.. g]));
        }
        return rows;
    }

    public static RealSummary From(string source, string country, string condition, IReadOnlyList<RealRead> group)
    {
        var read = group.Where(r => r.Error is null).ToList();
        var n = Math.Max(1, read.Count);
        var pairs = new List<(double Confidence, bool Right)>();
        var paired = 0;
        double plateConfidence = 0, charConfidence = 0;
        foreach (var r in read)
        {
            var (plate, chars) = RealScoring.Checkable(r.Photo.Text, r.Top, r.TopConfidence, r.CharConfidences);
            plateConfidence += plate;
            charConfidence += chars.Length == 0 ? 0 : chars.Average();
            if (RealScoring.PositionsRight(r.Photo.Text, r.Top) is not { } right) continue;
            paired++;
            // Hidden positions are right whatever was read: they would flatter or blame the confidence for nothing.
            for (var i = 0; i < right.Length; i++) if (r.Photo.Text[i] != '?') pairs.Add((r.CharConfidences[i], right[i]));
        }
        return new RealSummary(source, country, condition, group.Count, group.Count - read.Count,
            read.Sum(r => r.CharAccuracy) / n,
            read.Count(r => r.Exact) / (double)n,
            read.Count(r => r.InTop60) / (double)n,
            read.Count(r => r.InValid) / (double)n,
            plateConfidence / n,
            charConfidence / n,
            pairs.Count == 0 ? null : CalibrationError.Expected(pairs),
            paired);
    }
}
