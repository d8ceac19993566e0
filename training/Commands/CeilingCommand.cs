using System.CommandLine;
using DeepPlate.Formats;
using DeepPlate.Training.Evaluation;
using DeepPlate.Training.Evaluation.Ceiling;

namespace DeepPlate.Training.Commands;

/// <summary><c>deepplate ceiling --country XX [--samples N] [--out DIR]</c>: the ideal observer's character accuracy
/// in every cell of the standard grid (ceiling.json, ceiling.md).</summary>
public static class CeilingCommand
{
    public static Command Create()
    {
        var country = new Option<string>("--country") { Description = $"Country code ({CountryCodes.ListDefault()}).", Required = true };
        var samples = new Option<int>("--samples") { Description = "Plates per grid cell (the first N of the grid's plates).", DefaultValueFactory = _ => 20 };
        var output = new Option<string?>("--out") { Description = "Output folder (default: ceiling/<country>)." };
        var threads = new Option<int>("--threads") { Description = "Threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("ceiling", "The ideal observer's character accuracy in every cell of the standard grid: what no reader can beat.")
        {
            country, samples, output, threads,
        };
        command.SetAction(r => FileCommand.Run(r, () =>
        {
            if (r.GetValue(samples) < 1 || r.GetValue(threads) < 1) throw new ArgumentException("--samples and --threads must be at least 1");
            var cc = r.GetValue(country)!;
            var dir = r.GetValue(output) ?? Path.Combine("ceiling", cc);
            var grid = EvaluationGrid.Standard;
            var result = CeilingRun.Run(cc, grid, r.GetValue(samples), r.GetValue(threads), TenthsLog.For(grid.CellCount, "cells", Console.Out));
            Directory.CreateDirectory(dir);
            result.WriteJson(Path.Combine(dir, "ceiling.json"));
            File.WriteAllText(Path.Combine(dir, "ceiling.md"), result.Markdown());
            return dir;
        }));
        return command;
    }
}
