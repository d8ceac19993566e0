using System.Text.Json;
using DeepPlate.Formats;
using DeepPlate.Training.Commands;

namespace DeepPlate.Training.Tests.Commands;

/// <summary><c>deepplate synth</c> through real files: images, labels, contact sheet; fixed parameters; reproducible bytes.</summary>
public sealed class SynthCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-synth-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static SynthCommand.Settings Settings(string country, string output, int count = 6, ulong seed = 5, double? width = null, int? jpeg = null) =>
        new(country, null, count, output, seed, 1, width, null, jpeg, null, null, null, []);

    [Theory]
    [InlineData("nl")]
    [InlineData("us")]
    public void Writes_images_labels_and_a_contact_sheet(string country)
    {
        SynthCommand.Run(Settings(country, dir, width: 64, jpeg: 40), TextWriter.Null);
        var lines = File.ReadAllLines(Path.Combine(dir, "labels.jsonl"));
        Assert.Equal(6, lines.Length);
        Assert.True(new FileInfo(Path.Combine(dir, "contact-sheet.png")).Length > 1000);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.True(File.Exists(Path.Combine(dir, root.GetProperty("file").GetString()!)));
            var text = root.GetProperty("text").GetString()!;
            Assert.True(FormatRegistry.Default.Check(country, text).IsValid, text);
            Assert.Equal(4, root.GetProperty("clicked").GetArrayLength());
            var d = root.GetProperty("degradations");
            Assert.Equal(64, d.GetProperty("widthPx").GetDouble());
            Assert.Equal(40, d.GetProperty("jpegQuality").GetInt32());
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b"), c = Path.Combine(dir, "c");
        SynthCommand.Run(Settings("de", a), TextWriter.Null);
        SynthCommand.Run(Settings("de", b), TextWriter.Null);
        SynthCommand.Run(Settings("de", c, seed: 6), TextWriter.Null);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "labels.jsonl")), File.ReadAllBytes(Path.Combine(b, "labels.jsonl")));
        for (var i = 0; i < 6; i++)
        {
            var name = Path.Combine("images", $"{i:D6}.png");
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, name)), File.ReadAllBytes(Path.Combine(b, name)));
        }
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "labels.jsonl")), File.ReadAllBytes(Path.Combine(c, "labels.jsonl")));
    }

    [Fact]
    public void Bad_settings_are_clear_errors()
    {
        Assert.Throws<UnknownCountryException>(() => SynthCommand.Run(Settings("xx", dir), TextWriter.Null));
        Assert.Contains("--count", Assert.Throws<ArgumentException>(() => SynthCommand.Run(Settings("de", dir, count: 0), TextWriter.Null)).Message);
        Assert.Contains("--jpeg", Assert.Throws<ArgumentException>(() => SynthCommand.Run(Settings("de", dir, jpeg: 0), TextWriter.Null)).Message);
    }
}
