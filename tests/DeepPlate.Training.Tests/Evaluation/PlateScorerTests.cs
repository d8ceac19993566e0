using DeepPlate.Training.Evaluation;

namespace DeepPlate.Training.Tests.Evaluation;

/// <summary>The per-plate and per-cell metrics on hand-made distributions whose answers can be worked out by hand.</summary>
public sealed class PlateScorerTests
{
    // Alphabet "ABC", class 3 = no character; three slots.
    private const int Slots = 3;
    private const int Classes = 4;
    private const int Blank = 3;

    private static float[] Plate(params float[][] slots) => [.. slots.SelectMany(s => s)];

    [Fact]
    public void Counts_top1_and_top3_over_the_true_characters_only()
    {
        // True plate "AB": slot 0 right, slot 1 second best, slot 2 blank and right.
        var probs = Plate([0.7f, 0.2f, 0.05f, 0.05f], [0.5f, 0.3f, 0.1f, 0.1f], [0.02f, 0.03f, 0.05f, 0.9f]);
        var t = new PlateScorer(Slots, Classes).Score(probs, [0, 1, Blank], length: 2);
        Assert.Equal(new Tally(Plates: 1, Characters: 2, CharTop1: 1, CharTop3: 2, Exact: 0, Top60: 1), t);
    }

    [Fact]
    public void A_true_class_in_fourth_place_is_not_a_top3_hit()
    {
        var probs = Plate([0.1f, 0.4f, 0.3f, 0.2f], [0.1f, 0.1f, 0.1f, 0.7f], [0.1f, 0.1f, 0.1f, 0.7f]);
        var t = new PlateScorer(Slots, Classes).Score(probs, [0, Blank, Blank], length: 1);
        Assert.Equal(0, t.CharTop3);
        Assert.Equal(0, t.Exact);
    }

    [Fact]
    public void Exact_needs_the_blank_slots_right_too()
    {
        // "A" read as "AB": the only character is right, the plate is not.
        var probs = Plate([0.9f, 0.05f, 0.03f, 0.02f], [0.1f, 0.6f, 0.1f, 0.2f], [0.1f, 0.1f, 0.1f, 0.7f]);
        var t = new PlateScorer(Slots, Classes).Score(probs, [0, Blank, Blank], length: 1);
        Assert.Equal(new Tally(1, 1, 1, 1, 0, 1), t);
        var exact = Plate([0.9f, 0.05f, 0.03f, 0.02f], [0.1f, 0.2f, 0.1f, 0.6f], [0.1f, 0.1f, 0.1f, 0.7f]);
        Assert.Equal(new Tally(1, 1, 1, 1, 1, 1), new PlateScorer(Slots, Classes).Score(exact, [0, Blank, Blank], length: 1));
    }

    [Fact]
    public void The_least_likely_of_84_plates_is_not_among_the_60_best()
    {
        // Four characters and "no character" per slot. The true plate's characters get 0.1, every other class 0.225:
        // every other left-aligned plate (64 of three characters, 16 of two, 4 of one) has a 0.225 where the true
        // plate has 0.1, so the true plate is the unique last of 84.
        const int classes = 5;
        float[] slot = [0.1f, 0.225f, 0.225f, 0.225f, 0.225f];
        var t = new PlateScorer(Slots, classes).Score(Plate(slot, slot, slot), [0, 0, 0], length: 3);
        Assert.Equal(0, t.Top60);
        // Two slots' true class raised to the top (0.4, others 0.15): only the 4 plates that differ in the last slot
        // are more likely, a hit.
        float[] raised = [0.4f, 0.15f, 0.15f, 0.15f, 0.15f];
        var better = new PlateScorer(Slots, classes).Score(Plate(raised, raised, slot), [0, 0, 0], length: 3);
        Assert.Equal(1, better.Top60);
    }

    [Fact]
    public void Ties_go_to_the_lower_class_as_in_MLNet()
    {
        float[] tie = [0.4f, 0.4f, 0.2f];
        Assert.Equal(0, PlateScorer.RankOf(tie, 0));
        Assert.Equal(1, PlateScorer.RankOf(tie, 1));
        Assert.Equal(2, PlateScorer.RankOf(tie, 2));
        Assert.Equal(0, PlateScorer.Best(tie));
    }

    [Fact]
    public void A_cell_adds_its_plates_up_and_measures_calibration_over_every_slot()
    {
        // One slot, alphabet "A": both plates say "A" with 0.8; one is "A", the other has no character.
        // Characters: 1 (the second plate has none). The second plate is wrong, and as the reader never proposes an
        // empty plate it is not among the candidates either. ECE: one bin, accuracy 0.5 vs confidence 0.8 -> 0.3.
        var p = new GridPredictions([0.8f, 0.2f, 0.8f, 0.2f], [0, 1], [1, 0], Slots: 1, Classes: 2);
        var (counts, m) = Evaluator.Score(p, first: 0, count: 2);
        Assert.Equal(new Tally(2, 1, 1, 1, 1, 1), counts);
        Assert.Equal(new Metrics(2, 1, 1.0, 1.0, 0.5, 0.5, 0.3), m with { Ece = Math.Round(m.Ece, 6) });
        // The same cell further along the buffers gives the same figures.
        var shifted = new GridPredictions([0.5f, 0.5f, .. p.Probabilities], [1, .. p.Labels], [0, .. p.Lengths], 1, 2);
        Assert.Equal(counts, Evaluator.Score(shifted, first: 1, count: 2).Counts);
    }
}
