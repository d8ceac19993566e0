using DeepPlate.Inference;

namespace DeepPlate.Training.Evaluation.Real;

/// <summary>One photo read in one condition, scored.</summary>
/// <param name="Error">Why the photo could not be read (unreadable file, corners outside the picture), or null.</param>
/// <param name="Top">The reader's most likely plate (raw ranking), characters only.</param>
/// <param name="TopConfidence">Its confidence (the product of its positions').</param>
/// <param name="CharConfidences">The confidence of each character of <see cref="Top"/> at its position.</param>
/// <param name="Top3">Per slot the three most likely characters ("" = no character) with their confidences.</param>
public sealed record RealRead(
    RealPhoto Photo,
    RealCondition Condition,
    string? Error,
    string Top,
    double TopConfidence,
    float[] CharConfidences,
    double CharAccuracy,
    bool Exact,
    bool InTop60,
    bool InValid,
    IReadOnlyList<IReadOnlyList<CharacterConfidence>> Top3)
{
    public static RealRead Failed(RealPhoto photo, RealCondition condition, string error) =>
        new(photo, condition, error, "", 0, [], 0, false, false, false, []);
}

/// <summary>
/// Reads every photo of a manifest in every condition exactly as <c>deepplate read</c> does (the same
/// <see cref="PlateReader"/>, formats and state), and scores each reading with <see cref="RealScoring"/>. Each
/// photo writes only its own results, so the outcome does not depend on the number of threads.
/// </summary>
public static class RealEvaluation
{
    /// <param name="done">Called after each photo with the number of photos done (from any thread).</param>
    public static RealRead[] Run(PlateReader reader, IReadOnlyList<RealPhoto> photos, IReadOnlyList<RealCondition> conditions, int threads, Action<int>? done = null)
    {
        var reads = new RealRead[photos.Count * conditions.Count];
        var finished = 0;
        Parallel.For(0, photos.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
        {
            var photo = photos[p];
            PlateImage? image = null;
            string? error = null;
            try
            {
                image = PlateImage.Load(photo.Image);
            }
            catch (ImageException e)
            {
                error = e.Message;
            }
            for (var c = 0; c < conditions.Count; c++)
            {
                reads[p * conditions.Count + c] = image is null ? RealRead.Failed(photo, conditions[c], error!) : Read(reader, photo, image, conditions[c]);
            }
            done?.Invoke(Interlocked.Increment(ref finished));
        });
        return reads;
    }

    /// <summary>The picture and corners the reader is given for a photo in a condition.</summary>
    public static (PlateImage Image, System.Numerics.Vector2[] Corners) Present(RealPhoto photo, PlateImage image, RealCondition condition) =>
        condition.Apply(image, photo.Corners ?? PlateCorners.WholeImage(image.Width, image.Height));

    public static RealRead Read(PlateReader reader, RealPhoto photo, PlateImage original, RealCondition condition)
    {
        Reading reading;
        try
        {
            var (image, corners) = Present(photo, original, condition);
            reading = reader.Read(new ReadRequest([new PlateFrame(image, corners)], photo.Country, photo.State));
        }
        catch (ArgumentException e)
        {
            return RealRead.Failed(photo, condition, e.Message);
        }
        var top = reading.Candidates.Count > 0 ? reading.Candidates[0] : new PlateCandidate("", 0);
        var confidences = new float[top.Plate.Length];
        for (var i = 0; i < confidences.Length && i < reading.Positions.Count; i++)
        {
            var ch = top.Plate[i].ToString();
            foreach (var option in reading.Positions[i])
            {
                if (option.Char != ch) continue;
                confidences[i] = option.Confidence;
                break;
            }
        }
        var truth = photo.Text;
        return new RealRead(photo, condition, null, top.Plate, top.Confidence, confidences,
            RealScoring.CharacterAccuracy(truth, top.Plate),
            RealScoring.Matches(truth, top.Plate),
            reading.Candidates.Any(c => RealScoring.Matches(truth, c.Plate)),
            reading.Valid.Plates.Any(v => RealScoring.Matches(truth, v.Compact)),
            [.. reading.Positions.Select(p => (IReadOnlyList<CharacterConfidence>)[.. p.Take(3)])]);
    }
}
