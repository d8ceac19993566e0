using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using DeepPlate.Cli.Commands;
using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Inference.Tests.Decoding;
using DeepPlate.Synth;

namespace DeepPlate.Cli.Tests.Commands;

/// <summary>
/// <c>deepplate read</c> as an investigator and a researcher type it, on the tiny real models committed as test
/// fixtures (tests/DeepPlate.Inference.Tests/Fixtures) and synthetic scenes written as PNG files.
/// </summary>
public sealed class ReadCommandTests
{
    private static readonly Lazy<string> FolderOnce = new(MakeFolder);

    /// <summary>A folder with two German scenes, one US scene, a corrupt file and the fixture models under models/.</summary>
    private static string Folder => FolderOnce.Value;

    internal static string Models => Path.Combine(Folder, "models");

    private static string MakeFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "deepplate-read-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "models"));
        var fixtures = RepositoryPath("tests", "DeepPlate.Inference.Tests", "Fixtures");
        foreach (var model in Directory.GetFiles(fixtures, "*.onnx")) File.Copy(model, Path.Combine(folder, "models", Path.GetFileName(model)));
        using var generator = new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default);
        foreach (var (name, country, index) in new[] { ("de1", "de", 0L), ("de2", "de", 1L), ("us1", "us", 2L) })
        {
            using var plate = generator.Generate(country, null, 99, index, 0.3, d => d with { WidthPx = 60, ClickErrorPx = 0 });
            GreyImageIO.SavePng(plate.Scene, Path.Combine(folder, name + ".png"));
            File.WriteAllText(Path.Combine(folder, name + ".corners"), Corners(plate.Corners));
        }
        File.WriteAllBytes(Path.Combine(folder, "corrupt.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0]);
        return folder;
    }

    private static string Corners(Vector2[] c) =>
        string.Join(' ', c.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.##},{p.Y:0.##}")));

    internal static string CornersOf(string name) => File.ReadAllText(Path.Combine(Folder, name + ".corners"));

    internal static string Image(string name) => Path.Combine(Folder, name + ".png");

    private static string RepositoryPath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DeepPlate.sln"))) return Path.Combine([dir.FullName, .. parts]);
        }
        throw new DirectoryNotFoundException("the repository root (DeepPlate.sln) is not above the test binaries");
    }

    private static (int Exit, string Output, string Error) Read(params string[] args)
    {
        var root = new RootCommand { ReadCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(["read", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void PrintsBothTablesForOnePicture()
    {
        var (exit, output, error) = Read(Image("de1"), "--corners", CornersOf("de1"), "--country", "de", "--models", Models);
        Assert.True(exit == 0, error);
        Assert.Contains("Characters by position", output);
        Assert.Contains("Most likely plates (product of the characters' confidences)", output);
        Assert.Contains("Most likely valid plates of Germany", output);
        Assert.Contains("model de-", output);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Image("de1")))), output);
        Assert.Contains(" 60  ", output);
    }

    [Fact]
    public void TheValidTableGivesAMarkedPlatesNoteAndFactorAndNoneForAnOrdinaryOne()
    {
        // The fixture models never read HH HJ 1 (letters HJ, not issued in some German states): the table writer
        // gets the valid plates of a hand-made reading, HH HJ 1 at 0.6 against HH HK 1 at 0.4.
        var valid = HandMadeReadings.Valid("de", "HHHJ1", 3, 'K', 0.4f);
        var reading = new Reading("de-test", "abc", HandMadeReadings.ModelFor("de"), "de", null, null, [], [], [], [], valid);
        var lines = ReadCommand.Tables(reading, [], FormatRegistry.Default).Split('\n');
        var valids = lines.SkipWhile(l => !l.StartsWith("Most likely valid plates", StringComparison.Ordinal)).Skip(1).Take(2).ToList();
        Assert.StartsWith("   1  HH HK 1", valids[0]);
        Assert.DoesNotContain("note", valids[0]);
        Assert.StartsWith("   2  HH HJ 1", valids[1]);
        Assert.Contains("0.6 ", valids[1]);   // the model's confidence, not lowered
        Assert.Contains("(note: not issued in Bavaria and some other states: recognition letters SS, SA, KZ, HJ, NS [DE12]; ranked at x0.3)", valids[1]);
    }

    [Fact]
    public void JsonHasPositionsCandidatesValidModelAndInputHash()
    {
        var (exit, output, error) = Read(Image("de1"), "--corners", CornersOf("de1"), "--country", "de", "--json", "--models", Models);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var slots = ModelAlphabet.For(FormatRegistry.Default.Country("de")).Slots;
        Assert.Equal(slots, root.GetProperty("positions").GetArrayLength());
        foreach (var position in root.GetProperty("positions").EnumerateArray())
        {
            var confidences = position.EnumerateArray().Select(c => c.GetProperty("confidence").GetDouble()).ToList();
            Assert.Equal(confidences.OrderDescending(), confidences);
            Assert.Contains(position.EnumerateArray(), c => c.GetProperty("char").GetString() == "");
        }
        var candidates = root.GetProperty("candidates");
        Assert.InRange(candidates.GetArrayLength(), 1, 60);
        Assert.True(candidates[0].GetProperty("confidence").GetDouble() >= candidates[candidates.GetArrayLength() - 1].GetProperty("confidence").GetDouble());
        Assert.Equal(60, root.GetProperty("valid").GetArrayLength());
        Assert.All(root.GetProperty("valid").EnumerateArray(), v => Assert.True(FormatRegistry.Default.Check("de", v.GetProperty("plate").GetString()!).IsValid));
        Assert.StartsWith("de-", root.GetProperty("model").GetProperty("id").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Image("de1")))), root.GetProperty("sha256").GetString());
        Assert.False(root.GetProperty("frames")[0].GetProperty("wholeImage").GetBoolean());
    }

    [Fact]
    public void SeveralFramesEachWithItsCornersAreFusedAndAFrameWithoutCornersIsTheWholePicture()
    {
        var (exit, output, error) = Read(Image("de1"), "--corners", CornersOf("de1"), Image("de2"), "--country", "de", "--json",
            "--models", Models, Image("de1"), $"--corners={CornersOf("de1")}");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var frames = json.RootElement.GetProperty("frames");
        Assert.Equal(3, frames.GetArrayLength());
        Assert.Equal(Image("de2"), frames[1].GetProperty("image").GetString());
        Assert.False(frames[0].GetProperty("wholeImage").GetBoolean());
        Assert.True(frames[1].GetProperty("wholeImage").GetBoolean());
        Assert.False(frames[2].GetProperty("wholeImage").GetBoolean());
        Assert.Equal(frames[0].GetProperty("corners").GetRawText(), frames[2].GetProperty("corners").GetRawText());
    }

    [Fact]
    public void TheSameCommandPrintsTheSameBytes()
    {
        string[] args = [Image("us1"), "--corners", CornersOf("us1"), "--country", "us", "--json", "--models", Models];
        var first = Read([.. args, "--threads", "1"]);
        var second = Read([.. args, "--threads", "2"]);
        Assert.Equal(0, first.Exit);
        Assert.Equal(first.Output, second.Output);
    }

    [Theory]
    [InlineData("--country|xx", "unknown country 'xx'")]
    [InlineData("--country|us|--state|zz", "unknown state 'zz'")]
    [InlineData("--country|de|--state|by", "Germany has no states")]
    [InlineData("--country|de|--format|nope", "unknown format 'nope'")]
    [InlineData("--country|us|--format|dllldd", "belongs to a state")]
    [InlineData("--country|fr", "no model for France")]
    [InlineData("--country|de|--corners|-50,0 10,0 10,10 0,10", "corner 1 (-50,0) is outside")]
    [InlineData("--country|de|--corners|5,5 5,20 60,20 60,5", "counter-clockwise")]
    [InlineData("--country|de|--corners|5,5 30,5 60,5 30,20", "lie on one line")]
    [InlineData("--country|de|--corners|5,5 60,20 60,5 5,20", "cross each other")]
    [InlineData("--country|de|--corners|1,2 3,4", "expected 4 points")]
    [InlineData("--country|de|--corners|1,1 9,1 9,9 1,9|--corners|1,1 9,1 9,9 1,9", "has two --corners")]
    [InlineData("--country|de|--pdf|/nonexistent-folder/out.pdf", "cannot write the PDF report")]
    [InlineData("", "--country is required")]
    public void BadInputIsAClearErrorNeverACrash(string extra, string message)
    {
        var (exit, output, error) = Read([Image("de1"), .. extra.Split('|', StringSplitOptions.RemoveEmptyEntries), "--models", Models]);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, error);
        Assert.StartsWith("error: ", error);
    }

    [Fact]
    public void AMissingCountryNamesEveryCountryOfTheData()
    {
        var (exit, _, error) = Read(Image("de1"), "--models", Models);
        Assert.Equal(2, exit);
        Assert.Contains($"--country is required ({CountryCodes.List(FormatRegistry.Default)})", error);
    }

    [Fact]
    public void PdfWritesTheReportAndSaysWhere()
    {
        var pdf = Path.Combine(Folder, "report öü.pdf");
        var (exit, output, error) = Read(Image("de1"), "--corners", CornersOf("de1"), "--country", "de", "--models", Models,
            "--pdf", pdf, "--case", "Fall Müller", "--examiner", "J. Weiß", "--examiner-reading", "M AB 12");
        Assert.True(exit == 0, error);
        Assert.Contains("Characters by position", output);
        Assert.Contains($"wrote the PDF report to {pdf}", error);
        var bytes = File.ReadAllBytes(pdf);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.EndsWith("%%EOF", System.Text.Encoding.ASCII.GetString(bytes).TrimEnd());
        // Written through a temporary file that is gone once the report is in place.
        Assert.Empty(Directory.GetFiles(Folder, "*.tmp"));
        // The case details are the PDF's metadata too (UTF-16 in the info dictionary, so only the ASCII part is checked here;
        // the PDF text itself is read back in DeepPlate.Inference.Tests).
        Assert.Contains("DeepPlate plate reading report", System.Text.Encoding.Latin1.GetString(bytes));
        var (batchExit, _, batchError) = Read("--batch", Path.Combine(Folder, "x.tsv"), "--pdf", pdf, "--models", Models);
        Assert.Equal(2, batchExit);
        Assert.Contains("not with --batch", batchError);
    }

    [Fact]
    public void BadFilesAndMisplacedOptionsAreClearErrors()
    {
        Assert.Contains("truncated", Read(Path.Combine(Folder, "corrupt.png"), "--country", "de", "--models", Models).Error);
        Assert.Contains("cannot read the file", Read(Path.Combine(Folder, "missing.png"), "--country", "de", "--models", Models).Error);
        Assert.Contains("comes after the IMAGE", Read("--corners", "1,1 9,1 9,9 1,9", Image("de1"), "--country", "de", "--models", Models).Error);
        Assert.Contains("give an IMAGE", Read("--country", "de", "--models", Models).Error);
    }

    [Fact]
    public void BatchPrintsOneJsonLinePerInputInOrderWithErrors()
    {
        var tsv = Path.Combine(Folder, "batch.tsv");
        File.WriteAllLines(tsv,
        [
            "image\tcountry\tstate\tcorners",
            $"de1.png\tde\t\t{CornersOf("de1")}",
            "us1.png\tus\tca\t",
            "",
            "# a comment",
            "de2.png\tzz\t\t",
            "missing.png\tde",
            $"{Image("de2")}\tde",
            "corrupt.png\tde",
            "us1.png\tus\tca\t1,1 2,2 3,3 4,4",
        ]);
        var (exit, output, error) = Read("--batch", tsv, "--json", "--models", Models, "--threads", "2");
        Assert.True(exit == 1, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([2, 3, 6, 7, 8, 9, 10], docs.Select(d => d.GetProperty("line").GetInt32()));
        Assert.Equal("de1.png", docs[0].GetProperty("image").GetString());
        Assert.InRange(docs[0].GetProperty("candidates").GetArrayLength(), 1, 60);
        Assert.Equal("ca", docs[1].GetProperty("state").GetString());
        Assert.True(docs[1].GetProperty("frames")[0].GetProperty("wholeImage").GetBoolean());
        Assert.Contains("unknown country 'zz'", docs[2].GetProperty("error").GetString());
        Assert.Contains("missing.png", docs[3].GetProperty("error").GetString());
        Assert.False(docs[4].TryGetProperty("error", out _));
        Assert.Contains("truncated", docs[5].GetProperty("error").GetString());
        Assert.Contains("lie on one line", docs[6].GetProperty("error").GetString());

        // The same bytes whatever the thread count.
        Assert.Equal(output, Read("--batch", tsv, "--json", "--models", Models, "--threads", "1").Output);
    }

    [Fact]
    public void BatchWithEveryLineReadExitsZeroAndRefusesCommandLineInputs()
    {
        // No header: a first line whose image path starts with "image" is an input, not a header.
        Directory.CreateDirectory(Path.Combine(Folder, "images"));
        File.Copy(Image("de1"), Path.Combine(Folder, "images", "de1.png"), overwrite: true);
        var tsv = Path.Combine(Folder, "good.tsv");
        File.WriteAllLines(tsv, [$"images/de1.png\tde\t\t{CornersOf("de1")}", "de2.png\tde"]);
        var (exit, output, _) = Read("--batch", tsv, "--models", Models);
        Assert.Equal(0, exit);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("--batch takes everything from its file", Read("--batch", tsv, "--country", "de", "--models", Models).Error);
        Assert.Contains("cannot read the batch file", Read("--batch", Path.Combine(Folder, "none.tsv"), "--models", Models).Error);
    }
}
