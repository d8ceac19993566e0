using System.CommandLine;
using DeepPlate.Training.Evaluation;

namespace DeepPlate.Training.Commands;

/// <summary><c>deepplate accuracy</c>: writes the measured part of docs/accuracy.md (<see cref="AccuracyPage"/>).</summary>
public static class AccuracyCommand
{
    public static Command Create()
    {
        var evals = new Option<string[]>("--eval") { Description = "A `deepplate eval` folder (repeat for every country).", Required = true, AllowMultipleArgumentsPerToken = true };
        var page = new Option<string>("--out") { Description = "The page to write; text outside its measured part is kept.", DefaultValueFactory = _ => "docs/accuracy.md" };
        var figures = new Option<string>("--figures") { Description = "Where the heat maps are copied.", DefaultValueFactory = _ => "docs/accuracy" };
        var ceilings = new Option<string?>("--ceilings") { Description = "A folder of `deepplate ceiling` results (<cc>/ceiling.json): each country's accuracy as a share of the ideal observer's." };
        var command = new Command("accuracy", "Writes the accuracy page from the countries' evaluations.") { evals, page, figures, ceilings };
        command.SetAction(r => FileCommand.Run(r, () =>
        {
            AccuracyPage.Write(r.GetValue(evals)!, r.GetValue(page)!, r.GetValue(figures)!, r.GetValue(ceilings));
            return r.GetValue(page)!;
        }));
        return command;
    }
}
