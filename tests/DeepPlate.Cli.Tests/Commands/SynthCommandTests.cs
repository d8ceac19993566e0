using System.Text.Json;
using DeepPlate.Cli.Commands;
using DeepPlate.Formats;

namespace DeepPlate.Cli.Tests.Commands;

/// <summary><c>deepplate synth</c> through real files: images, labels, contact sheet; fixed parameters; reproducible bytes.</summary>
public sealed class SynthCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-synth-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static SynthCommand.Settings Settings(string country, string output, int count = 6, ulong seed = 5, double? width = null,
        SynthCommand.Fixed<int>? jpeg = null, SynthCommand.Fixed<double>? snr = null) =>
        new(country, null, count, output, seed, 1, width, snr, jpeg, null, null, null, []);

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
    public void None_fixes_noise_and_jpeg_off_while_unset_leaves_them_to_the_spec()
    {
        string off = Path.Combine(dir, "off"), spec = Path.Combine(dir, "spec"), on = Path.Combine(dir, "on");
        // 20 plates: the spec leaves out noise and JPEG one time in ten each, so some of them have both.
        SynthCommand.Run(Settings("de", off, count: 20, snr: SynthCommand.Fixed<double>.None, jpeg: SynthCommand.Fixed<int>.None), TextWriter.Null);
        SynthCommand.Run(Settings("de", spec, count: 20), TextWriter.Null);
        SynthCommand.Run(Settings("de", on, count: 20, snr: 12.5, jpeg: 33), TextWriter.Null);
        var offD = Degradations(off);
        var specD = Degradations(spec);
        Assert.All(offD, d => Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (d.GetProperty("snrDb").ValueKind, d.GetProperty("jpegQuality").ValueKind)));
        Assert.Contains(specD, d => d.GetProperty("snrDb").ValueKind == JsonValueKind.Number);
        Assert.Contains(specD, d => d.GetProperty("jpegQuality").ValueKind == JsonValueKind.Number);
        Assert.All(Degradations(on), d => Assert.Equal((12.5, 33), (d.GetProperty("snrDb").GetDouble(), d.GetProperty("jpegQuality").GetInt32())));
    }

    [Theory]
    [InlineData("none", "none", true, true)]
    [InlineData("NONE", "40", true, false)]
    [InlineData("7.5", "none", false, true)]
    public void The_command_line_takes_none_for_snr_and_jpeg(string snr, string jpeg, bool noNoise, bool noJpeg)
    {
        var code = SynthCommand.Create().Parse(["--country", "nl", "--count", "2", "--width", "50", "--out", dir, "--snr", snr, "--jpeg", jpeg]).Invoke();
        Assert.Equal(0, code);
        Assert.All(Degradations(dir), d =>
        {
            Assert.Equal(noNoise, d.GetProperty("snrDb").ValueKind == JsonValueKind.Null);
            Assert.Equal(noJpeg, d.GetProperty("jpegQuality").ValueKind == JsonValueKind.Null);
        });
    }

    [Fact]
    public void A_value_that_is_neither_a_number_nor_none_is_a_parse_error()
    {
        var result = SynthCommand.Create().Parse(["--country", "nl", "--count", "2", "--out", dir, "--snr", "loud"]);
        Assert.Contains(result.Errors, e => e.Message.Contains("--snr") && e.Message.Contains("loud"));
    }

    private static List<JsonElement> Degradations(string output) =>
        [.. File.ReadAllLines(Path.Combine(output, "labels.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("degradations"))];

    [Fact]
    public void Specimens_writes_one_png_per_country_asked_for()
    {
        var log = new StringWriter();
        SynthCommand.RunSpecimens(dir, ["se", "es"], [], log);
        Assert.Equal(["es.png", "se.png"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        foreach (var file in Directory.GetFiles(dir))
        {
            using var png = SkiaSharp.SKBitmap.Decode(file);
            Assert.True(png.Width > 500 && png.Height > 300, file);
        }
        Assert.Contains("se.png", log.ToString());
    }

    [Fact]
    public void Specimens_is_a_subcommand_of_synth_without_the_sample_options()
    {
        var code = SynthCommand.Create().Parse(["specimens", "--out", dir, "--country", "se"]).Invoke();
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(dir, "se.png")));
    }

    [Fact]
    public void Bad_settings_are_clear_errors()
    {
        Assert.Throws<UnknownCountryException>(() => SynthCommand.Run(Settings("xx", dir), TextWriter.Null));
        Assert.Contains("--count", Assert.Throws<ArgumentException>(() => SynthCommand.Run(Settings("de", dir, count: 0), TextWriter.Null)).Message);
        Assert.Contains("--jpeg", Assert.Throws<ArgumentException>(() => SynthCommand.Run(Settings("de", dir, jpeg: 0), TextWriter.Null)).Message);
    }
}
