using DeepPlate.Inference.Report;

namespace DeepPlate.Inference.Tests.Report;

public sealed class ValidNoteTextTests
{
    private static ValidPlate Plate(double prior, params string[] notes) => new("MLB 456", "MLB456", "current", "Current", 0.6, notes, prior);

    [Fact]
    public void An_ordinary_plate_has_no_note()
    {
        Assert.Null(ValidNoteText.For(Plate(1)));
    }

    [Fact]
    public void A_marked_plate_has_its_notes_and_the_factor_it_was_ranked_by()
    {
        Assert.Equal("specimen plate: MLB is reserved [SE2]. Ranked by its confidence × 0.05.", ValidNoteText.For(Plate(0.05, "specimen plate: MLB is reserved [SE2]")));
        // Two rules: both reasons, the product of their priors without floating-point noise, no doubled full stop.
        Assert.Equal("banned word; withheld. Ranked by its confidence × 0.005.", ValidNoteText.For(Plate(0.05 * 0.1, "banned word.", "withheld")));
    }
}
