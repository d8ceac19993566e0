using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Synth;
using DeepPlate.Training.Evaluation;
using DeepPlate.Training.Evaluation.Ceiling;

namespace DeepPlate.Training.Tests.Evaluation.Ceiling;

/// <summary>The ideal observer: perfect where nothing is lost, near chance where everything is, never beaten by a shipped model.</summary>
public sealed class IdealObserverTests
{
    private static PlateGenerator Generator() => new(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default);

    [Fact]
    public void Replacing_a_character_keeps_the_separators_and_the_rest()
    {
        using var generator = Generator();
        using var plate = generator.Generate("fr", null, 1, 0);
        var text = plate.Text;
        var changed = IdealObserver.Replace(text, 2, '9');
        Assert.Equal(text.Text.Length, changed.Text.Length);
        Assert.Equal(text.Compact[..2] + "9" + text.Compact[3..], changed.Compact);
        Assert.Equal(text.Text.Replace("-", "").Replace(" ", "")[..2] + "9", changed.Text.Replace("-", "").Replace(" ", "")[..3]);
        Assert.Equal(text.Text.Select(c => c is '-' or ' '), changed.Text.Select(c => c is '-' or ' '));
        // The allowed characters at each position come from the template's shape: FR's third is a digit.
        Assert.Equal(CharSet.Digits.Chars, IdealObserver.Positions(text)[2].Chars);
    }

    [Fact]
    public void Reads_every_character_of_a_clean_wide_plate_and_few_of_a_drowned_one()
    {
        using var generator = Generator();
        var (clean, cleanRight) = (0, 0);
        var (drowned, drownedRight) = (0, 0);
        for (var i = 0; i < 6; i++)
        {
            var (n, r) = IdealObserver.Classify(generator, "de", 5, i, Degradations.Clean(100));
            (clean, cleanRight) = (clean + n, cleanRight + r);
            (n, r) = IdealObserver.Classify(generator, "de", 5, i, Degradations.Clean(10) with { BlurSigmaPx = 2, SnrDb = -10, JpegQuality = 5 });
            (drowned, drownedRight) = (drowned + n, drownedRight + r);
        }
        Assert.Equal(clean, cleanRight);
        Assert.InRange(drownedRight / (double)drowned, 0, 0.5);
    }

    [Fact]
    public void No_shipped_model_beats_the_ceiling_on_the_same_plates()
    {
        // The same cells and the same plates (the grid's seed, plate i of every cell) for the model and the observer.
        var grid = EvaluationGrid.Standard with { WidthsPx = [16, 30], SnrsDb = [0, null], JpegQualities = [null, 30] };
        const int samples = 24;
        foreach (var country in new[] { "fr", "nl" })
        {
            using var model = new PlateModel(Path.Combine(ModelCatalog.DefaultDirectory, $"{country}.onnx"), 1);
            var measured = Evaluator.Run(model, grid, samples, threads: 2);
            var ceiling = CeilingRun.Run(country, grid, samples, threads: 2);
            foreach (var cell in measured.Cells)
            {
                var c = ceiling.At(cell.Cell.WidthPx, cell.Cell.SnrDb, cell.Cell.JpegQuality)!;
                Assert.Equal(c.Characters, cell.Counts.Characters);
                // The observer is not Bayes-optimal under JPEG and knows no character frequencies, so allow a few
                // characters of slack; a model far above it would mean the ceiling is wrong.
                Assert.True(cell.Counts.CharTop1 <= c.Right + 0.05 * c.Characters,
                    $"{country} {cell.Cell}: the model read {cell.Counts.CharTop1} of {c.Characters}, the ideal observer {c.Right}");
            }
        }
    }
}
