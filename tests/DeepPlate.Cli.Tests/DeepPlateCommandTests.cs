using System.CommandLine;
using DeepPlate.Cli.Tests.Commands;
using DeepPlate.Formats;

namespace DeepPlate.Cli.Tests;

/// <summary>
/// The entry point builds the training commands only for a command line that may use them, so formats, synth and
/// read never load the training library (nor TorchSharp's managed assembly, nor its native setup).
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class DeepPlateCommandTests
{
    private static readonly string[] Own = ["formats", "synth", "read"];

    private static readonly string[] Training = ["train", "export", "eval", "ceiling", "card", "accuracy"];

    [Fact]
    public void FormatsCheckNeverLoadsTheTrainingLibrary() =>
        AssertRanWithoutTheTrainingLibrary(IsolatedCli.Invoke("formats", "check", "de", "B AB 1234"), "B AB 1234\tvalid", "DeepPlate.Formats");

    [Fact]
    public void ReadNeverLoadsTheTrainingLibrary() =>
        AssertRanWithoutTheTrainingLibrary(IsolatedCli.Invoke("read", ReadCommandTests.Image("de1"), "--corners", ReadCommandTests.CornersOf("de1"),
            "--country", "de", "--models", ReadCommandTests.Models, "--json"), "\"candidates\"", "DeepPlate.Inference");

    /// <param name="used">An assembly the command must have loaded: it did run in the isolated context.</param>
    private static void AssertRanWithoutTheTrainingLibrary(IsolatedCli.Run run, string printed, string used)
    {
        Assert.True(run.Exit == 0, run.Output);
        Assert.Contains(printed, run.Output);
        Assert.Contains(used, run.Loaded);
        Assert.DoesNotContain("DeepPlate.Training", run.Loaded);
        Assert.DoesNotContain("TorchSharp", run.Loaded);
    }

    [Fact]
    public void ATrainingCommandLoadsTheTrainingLibrary()
    {
        var run = IsolatedCli.Invoke("train", "--help");
        Assert.True(run.Exit == 0, run.Output);
        Assert.Contains("--learning-rate", run.Output);
        Assert.Contains("DeepPlate.Training", run.Loaded);
    }

    [Fact]
    public void OwnCommandsAloneWhenTheFirstWordNamesOneEveryCommandOtherwise()
    {
        foreach (var own in Own) Assert.Equal(Own, DeepPlateCommand.Create([own, "--help"]).Subcommands.Select(c => c.Name));
        foreach (var args in new[] { [], ["--help"], ["trian"], ["@args.rsp"], Training.Select(t => new[] { t }).First() })
        {
            Assert.Equal([.. Own, .. Training], DeepPlateCommand.Create(args).Subcommands.Select(c => c.Name));
        }
    }

    [Fact]
    public void EveryCountryOptionAndArgumentListsTheCountriesOfTheData()
    {
        var codes = CountryCodes.List(FormatRegistry.Default);
        var countries = Commands(DeepPlateCommand.Create([]))
            .SelectMany(c => c.Options.Cast<Symbol>().Concat(c.Arguments).Select(s => (Command: c.Name, Symbol: s)))
            .Where(x => x.Symbol.Name.TrimStart('-') == "country")
            .ToList();
        Assert.Equal(["check", "synth", "specimens", "read", "train", "ceiling"], countries.Select(x => x.Command));
        Assert.All(countries, x => Assert.Contains(codes, x.Symbol.Description));
    }

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(Commands).Prepend(command);
}
