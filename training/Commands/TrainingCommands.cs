using System.CommandLine;

namespace DeepPlate.Training.Commands;

/// <summary>
/// The commands of the training library, in the order <c>deepplate --help</c> lists them after the entry point's own.
/// Only train and export touch TorchSharp, and they set it up first (<see cref="TorchSetup"/>); eval and ceiling read
/// models with ONNX Runtime, card and accuracy write files from earlier results.
/// </summary>
public static class TrainingCommands
{
    public static IReadOnlyList<Command> Create() =>
    [
        TrainCommand.Create(),
        ExportCommand.Create(),
        EvalCommand.Create(),
        CeilingCommand.Create(),
        CardCommand.Create(),
        AccuracyCommand.Create(),
    ];
}
