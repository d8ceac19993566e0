using DeepPlate.Training.Evaluation.Real;

namespace DeepPlate.Training.Tests.Evaluation.Real;

/// <summary>A group's figures: rates over the photos read, confidences compared only where the label can check them.</summary>
public sealed class RealSummaryTests
{
    private static RealRead Read(string truth, string top, float[] chars)
    {
        var photo = new RealPhoto(1, "a.jpg", "es", null, null, truth, "set", "");
        var plate = chars.Aggregate(1.0, (p, c) => p * c);
        return new RealRead(photo, RealCondition.Clean, null, top, plate, chars, RealScoring.CharacterAccuracy(truth, top),
            RealScoring.Matches(truth, top), true, true, []);
    }

    [Fact]
    public void A_model_sure_of_what_it_sees_and_unsure_behind_a_redaction_box_is_honest()
    {
        // Every visible character read right at confidence 1; the two hidden ones at 0.2.
        var reads = new[] { Read("12??AB", "12XYAB", [1, 1, 0.2f, 0.2f, 1, 1]), Read("34??CD", "34QQCD", [1, 1, 0.2f, 0.2f, 1, 1]) };
        var s = RealSummary.From("set", "es", "clean", reads);
        Assert.Equal(1.0, s.Exact);
        Assert.Equal(1.0, s.MeanTopConfidence, 6);
        Assert.Equal(1.0, s.MeanCharConfidence, 6);
        Assert.Equal(0.0, s.PositionEce!.Value, 6);
        Assert.Equal(2, s.Paired);
    }

    [Fact]
    public void Overconfidence_on_visible_characters_still_shows()
    {
        var reads = new[] { Read("12??AB", "13XYAB", [1, 0.9f, 0.2f, 0.2f, 1, 1]) };
        var s = RealSummary.From("set", "es", "clean", reads);
        Assert.Equal(0.0, s.Exact);
        Assert.Equal(0.9, s.MeanTopConfidence, 6);
        Assert.True(s.PositionEce > 0.2, $"ECE {s.PositionEce}");
    }
}
