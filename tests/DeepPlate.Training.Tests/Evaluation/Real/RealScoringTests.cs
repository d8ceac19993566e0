using DeepPlate.Training.Evaluation.Real;

namespace DeepPlate.Training.Tests.Evaluation.Real;

/// <summary>The scoring rules of ../shared/realdev/README.md: wildcards, O/0 and I/1, the floor, empty readings.</summary>
public sealed class RealScoringTests
{
    [Theory]
    [InlineData("FB487GN", "FB487GN", 1.0)]
    [InlineData("FB487GN", "FB487CN", 6.0 / 7)]     // one substitution
    [InlineData("FB487GN", "FB47GN", 6.0 / 7)]      // one character missing
    [InlineData("FB487GN", "FB4887GN", 6.0 / 7)]    // one extra
    [InlineData("FB487GN", "", 0.0)]                // nothing read
    [InlineData("AB", "XYZWVU", 0.0)]               // more wrong than there is: floored at 0
    [InlineData("0I1O", "O1I0", 1.0)]               // O = 0 and I = 1 both ways
    [InlineData("12??AB", "12XYAB", 1.0)]           // a hidden character matches any character
    [InlineData("12??AB", "12AB", 1.0)]             // ... or none
    [InlineData("12??AB", "12XAB", 1.0)]
    [InlineData("12??AB", "1XAB", 0.75)]            // the ? cannot stand for the missing 2
    [InlineData("fb487gn", "FB487GN", 1.0)]         // case does not matter
    public void Character_accuracy(string truth, string read, double expected) =>
        Assert.Equal(expected, RealScoring.CharacterAccuracy(truth, read), 12);

    [Fact]
    public void Hidden_characters_are_not_counted_and_exact_needs_every_visible_one()
    {
        Assert.Equal(4, RealScoring.Characters("12??AB"));
        Assert.True(RealScoring.Matches("12??AB", "12QQAB"));
        Assert.True(RealScoring.Matches("12??AB", "12AB"));
        Assert.False(RealScoring.Matches("12??AB", "13QQAB"));
        Assert.False(RealScoring.Matches("FB487GN", "FB487GNX"));
    }

    [Fact]
    public void Positions_pair_up_only_when_the_lengths_agree()
    {
        Assert.Null(RealScoring.PositionsRight("ABC", "AB"));
        Assert.Equal([true, true, false, true], RealScoring.PositionsRight("A?CO", "AXD0")!);
    }

    [Fact]
    public void The_confidence_of_hidden_characters_is_left_out()
    {
        float[] chars = [0.9f, 0.8f, 0.25f, 0.5f, 1f];
        var (plate, visible) = RealScoring.Checkable("AB??C", "ABXYC", 0.9 * 0.8 * 0.25 * 0.5, chars);
        Assert.Equal(0.9 * 0.8, plate, 6);
        Assert.Equal([0.9f, 0.8f, 1f], visible);
        // Nothing hidden, or positions that do not pair: every confidence counts.
        Assert.Equal((0.5, chars), RealScoring.Checkable("ABXYC", "ABXYC", 0.5, chars));
        Assert.Equal((0.5, chars), RealScoring.Checkable("AB??", "ABXYC", 0.5, chars));
    }
}
