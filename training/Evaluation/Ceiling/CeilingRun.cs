using DeepPlate.Formats;
using DeepPlate.Synth;

namespace DeepPlate.Training.Evaluation.Ceiling;

/// <summary>Runs the ideal observer over every cell of a grid. Each plate writes only its own counts, so the result
/// does not depend on the thread count.</summary>
public static class CeilingRun
{
    public static CeilingResult Run(string country, EvaluationGrid grid, int samples, int threads, Action<int>? cellDone = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var code = FormatRegistry.Default.Country(country).Code;
        var cells = grid.Cells;
        var counts = new (int Characters, int Right)[cells.Count * samples];
        using var generators = new ThreadLocal<PlateGenerator>(
            () => new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default), trackAllValues: true);
        try
        {
            foreach (var cell in cells)
            {
                var degradations = grid.At(cell);
                Parallel.For(0, samples, new ParallelOptions { MaxDegreeOfParallelism = threads },
                    i => counts[cell.Index * samples + i] = IdealObserver.Classify(generators.Value!, code, grid.Seed, i, degradations));
                cellDone?.Invoke(cell.Index + 1);
            }
        }
        finally
        {
            foreach (var g in generators.Values) g.Dispose();
        }
        return new CeilingResult(code, samples, $"0x{grid.Seed:X}", [.. cells.Select(c =>
        {
            var slice = counts.AsSpan(c.Index * samples, samples);
            var (characters, right) = (0, 0);
            foreach (var (n, r) in slice) (characters, right) = (characters + n, right + r);
            return new CeilingCell(c.WidthPx, c.SnrDb, c.JpegQuality, characters, right);
        })]);
    }
}
