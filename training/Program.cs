using System.CommandLine;
using DeepPlate.Training.Commands;

var root = new RootCommand("DeepPlate: a second opinion on severely degraded licence plates.")
{
    FormatsCommand.Create(),
    SynthCommand.Create(),
    TrainCommand.Create(),
    ExportCommand.Create(),
    EvalCommand.Create(),
    ReadCommand.Create(),
    CardCommand.Create(),
    AccuracyCommand.Create(),
    CeilingCommand.Create(),
};
return root.Parse(args).Invoke();
