using System.CommandLine;
using DeepPlate.Training.Commands;

namespace DeepPlate.Training.Tests.Commands;

/// <summary>Option parsing of <c>deepplate train</c>: every TrainOptions property is an option; bad input is an error.</summary>
public sealed class TrainCommandTests
{
    private static (int Exit, string Error) Invoke(params string[] args)
    {
        var root = new RootCommand { TrainCommand.Create() };
        var error = new StringWriter();
        var output = new StringWriter();
        var exit = root.Parse(["train", .. args]).Invoke(new InvocationConfiguration { Error = error, Output = output });
        return (exit, error.ToString());
    }

    private static readonly RecordOptions<TrainOptions> Options = new(new TrainOptions());

    private static ParseResult Parse(params string[] args)
    {
        var command = new Command("train");
        foreach (var o in Options.All) command.Options.Add(o);
        return command.Parse(args);
    }

    [Fact]
    public void EveryOptionIsExposedInKebabCase()
    {
        var command = TrainCommand.Create();
        var names = command.Options.Select(o => o.Name).ToHashSet();
        foreach (var property in typeof(TrainOptions).GetProperties().Where(p => p.SetMethod is not null))
        {
            // A record the run writes itself ([Browsable(false)]: a joint run's countries in each country's folder) is no option.
            var browsable = property.GetCustomAttributes(typeof(System.ComponentModel.BrowsableAttribute), false) is not [System.ComponentModel.BrowsableAttribute { Browsable: false }];
            var name = "--" + RecordOptions<TrainOptions>.KebabCase(property.Name);
            if (browsable) Assert.Contains(name, names);
            else Assert.DoesNotContain(name, names);
        }
        Assert.DoesNotContain("--joint", names);
        Assert.Contains("--learning-rate", names);
        Assert.Contains("--resume", names);
    }

    [Fact]
    public void GivenOptionsOverrideDefaultsAndTheRestKeepThem()
    {
        var result = Parse("--country", "nl", "--learning-rate", "0.0005", "--samples", "5000", "--seed", "9");
        var bound = Options.Bind(result, new TrainOptions());
        Assert.Equal(new TrainOptions { Country = "nl", LearningRate = 0.0005, Samples = 5000, Seed = 9 }, bound);
        Assert.Equal(new[] { "Country", "LearningRate", "Samples", "Seed" }, Options.Given(result).Order());
    }

    [Fact]
    public void UnknownOptionIsAnError()
    {
        var (exit, error) = Invoke("--country", "de", "--learning-rat", "0.1");
        Assert.NotEqual(0, exit);
        Assert.Contains("--learning-rat", error);
    }

    [Fact]
    public void MalformedValueNamesTheOption()
    {
        var e = Assert.Throws<ArgumentException>(() => Options.Bind(Parse("--batch-size", "many"), new TrainOptions()));
        Assert.Contains("--batch-size", e.Message);
        Assert.Contains("many", e.Message);
    }

    [Theory]
    [InlineData("--batch-size", "1")]
    [InlineData("--curriculum-end", "0")]
    [InlineData("--input-height", "30")]
    [InlineData("--validation-seed", "1")]
    public void OutOfRangeValuesAreRejectedBeforeTraining(string option, string value)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Options.Bind(Parse("--country", "de", option, value), new TrainOptions()).Validate());
        Assert.Contains(option.TrimStart('-').Split('-')[0], e.Message);
    }

    [Fact]
    public void MissingCountryIsAUsageError()
    {
        Assert.Equal(2, Invoke("--samples", "10").Exit);
    }

    [Fact]
    public void UnknownCountryIsAUsageError()
    {
        var (exit, error) = Invoke("--country", "zz", "--samples", "10", "--out", Path.Combine(Path.GetTempPath(), "deepplate-never"));
        Assert.Equal(2, exit);
        Assert.Contains("zz", error);
    }
}
