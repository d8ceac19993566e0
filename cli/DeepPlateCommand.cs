using System.CommandLine;
using System.Runtime.CompilerServices;
using DeepPlate.Cli.Commands;
using DeepPlate.Training.Commands;

namespace DeepPlate.Cli;

/// <summary>The root command, <c>deepplate</c>, with the entry point's own commands and the training library's.</summary>
public static class DeepPlateCommand
{
    public const string Description = "DeepPlate: a second opinion on severely degraded licence plates.";

    /// <summary>
    /// The root for these arguments. When the first one names a command of the entry point itself (formats, synth,
    /// read), only those are built: building the training commands would load the training library, and with it
    /// TorchSharp's managed assembly, for a command that uses neither. Any other command line (a training command,
    /// none, <c>--help</c>, a typo that deserves a suggestion, a response file) gets every command.
    /// </summary>
    public static RootCommand Create(IReadOnlyList<string> args)
    {
        Command[] own = [FormatsCommand.Create(), SynthCommand.Create(), ReadCommand.Create()];
        var root = new RootCommand(Description);
        foreach (var command in own) root.Subcommands.Add(command);
        if (args.Count == 0 || !own.Any(c => c.Name == args[0])) AddTrainingCommands(root);
        return root;
    }

    // Kept out of Create and never inlined into it: compiling a method resolves the types it calls, so a call to the
    // training library inside Create would load the assembly even when the branch is not taken.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddTrainingCommands(RootCommand root)
    {
        foreach (var command in TrainingCommands.Create()) root.Subcommands.Add(command);
    }
}
