using System.CommandLine;
using DeepPlate.Training.Evaluation;

namespace DeepPlate.Training.Commands;

/// <summary><c>deepplate card</c>: writes a shipped model's card (<see cref="ModelCard"/>) from its run and evaluation.</summary>
public static class CardCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "The training run folder (options.json, checkpoint.json).", Required = true };
        var model = new Option<string?>("--model") { Description = "The model file the card describes (default: the run's model.onnx)." };
        var eval = new Option<string?>("--eval") { Description = "The model's `deepplate eval` folder (default: the run's eval/)." };
        var startedFrom = new Option<string?>("--started-from")
        {
            Description = "The model the run (with --chain: the chain's first run) started from (--init-from), when that file has since been replaced, e.g. by the model this card describes.",
        };
        var real = new Option<string?>("--real") { Description = "The model's `deepplate eval --real` folder (default: the run's real/ when there is one)." };
        var chain = new Option<string[]>("--chain") { Description = "Earlier run folders this run continues, oldest first (repeatable): each is summarised on the card.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "The card to write (Markdown).", Required = true };
        var command = new Command("card", "Writes a model card from a training run and its evaluation.") { run, model, eval, startedFrom, real, chain, output };
        command.SetAction(r => FileCommand.Run(r, () =>
        {
            var folder = new RunFolder(r.GetValue(run)!);
            var text = ModelCard.Write(r.GetValue(model) ?? folder.Model, folder, r.GetValue(eval) ?? Path.Combine(folder.Path, "eval"),
                r.GetValue(startedFrom), r.GetValue(real) ?? Path.Combine(folder.Path, "real"), [.. (r.GetValue(chain) ?? []).Select(c => new RunFolder(c))]);
            File.WriteAllText(r.GetValue(output)!, text);
            return r.GetValue(output)!;
        }));
        return command;
    }
}
