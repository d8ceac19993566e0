using DeepPlate.Inference;
using DeepPlate.Training.Evaluation;

namespace DeepPlate.Training.Tests.Evaluation;

/// <summary>The evaluator on a tiny real ONNX model: consistent figures, and the same figures on every run.</summary>
public sealed class EvaluatorTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-evaluator-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>Eight cells around the standard grid's corners, for speed.</summary>
    internal static EvaluationGrid Small { get; } = EvaluationGrid.Standard with { WidthsPx = [16, 60], SnrsDb = [0, null], JpegQualities = [null, 15] };

    [Fact]
    public void Two_runs_give_identical_results_whatever_the_thread_count()
    {
        var path = Path.Combine(dir, "nl.onnx");
        TinyModel.Export("nl", path);
        using var model = new PlateModel(path, threads: 2);
        // 70 plates a cell: two batches, the second one partial.
        var a = Evaluator.Run(model, Small, samples: 70, threads: 2);
        var b = Evaluator.Run(model, Small, samples: 70, threads: 2);
        using var single = new PlateModel(path, threads: 1);
        var c = Evaluator.Run(single, Small, samples: 70, threads: 1);

        Assert.Equal(a.Predictions.Probabilities, b.Predictions.Probabilities);
        Assert.Equal(a.Predictions.Probabilities, c.Predictions.Probabilities);
        Assert.Equal(a.Predictions.Labels, c.Predictions.Labels);
        Assert.Equal(a.Cells, b.Cells);
        Assert.Equal(a.Cells, c.Cells);
        Assert.Equal(a.Overall, c.Overall);
    }

    [Fact]
    public void Corner_sets_fuse_each_plates_readings_into_one_distribution()
    {
        var path = Path.Combine(dir, "nl.onnx");
        TinyModel.Export("nl", path);
        using var model = new PlateModel(path, threads: 2);
        var one = Evaluator.Run(model, Small, samples: 20, threads: 2);
        var five = Evaluator.Run(model, Small, samples: 20, threads: 2, cornerSets: 5);
        var again = Evaluator.Run(model, Small, samples: 20, threads: 1, cornerSets: 5);

        Assert.Equal(5, five.CornerSets);
        Assert.Equal(one.Predictions.Labels, five.Predictions.Labels);
        Assert.Equal(five.Predictions.Probabilities, again.Predictions.Probabilities);
        Assert.NotEqual(one.Predictions.Probabilities, five.Predictions.Probabilities);
        var classes = model.Info.Classes;
        for (var row = 0; row < five.Predictions.Probabilities.Length / classes; row++)
        {
            Assert.Equal(1f, five.Predictions.Probabilities.AsSpan(row * classes, classes).ToArray().Sum(), 3);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Run(model, Small, samples: 2, threads: 1, cornerSets: 8));
    }

    [Fact]
    public void Every_cell_sees_the_same_plates_and_the_counts_add_up()
    {
        var path = Path.Combine(dir, "de.onnx");
        TinyModel.Export("de", path);
        using var model = new PlateModel(path, threads: 2);
        const int samples = 5;
        var r = Evaluator.Run(model, Small, samples, threads: 2);
        var p = r.Predictions;

        Assert.Equal(Small.CellCount, r.Cells.Count);
        Assert.False(r.FormatsChanged);
        var first = p.Labels.AsSpan(0, samples * p.Slots).ToArray();
        for (var cell = 1; cell < r.Cells.Count; cell++)
        {
            Assert.Equal(first, p.Labels.AsSpan(cell * samples * p.Slots, samples * p.Slots).ToArray());
        }
        var total = default(Tally);
        foreach (var c in r.Cells)
        {
            Assert.Equal(samples, c.Counts.Plates);
            total += c.Counts;
        }
        Assert.Equal(Metrics.From(total, r.Overall.Ece), r.Overall);
        Assert.Equal(CalibrationError.Expected(p.Probabilities, p.Labels, p.Classes), r.Overall.Ece);
    }
}
