using DeepPlate.Synth;

namespace DeepPlate.Training.Tests.Training;

/// <summary>A run folder keeps copies of the data specs it drew from, once, so it describes its data.</summary>
public sealed class RunFolderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-run-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void The_specs_are_copied_once_and_plain_is_written_as_a_word()
    {
        var run = new RunFolder(Path.Combine(dir, "a"));
        run.SaveSpecs(DegradationSpec.Default.File, "default");
        Assert.Equal(File.ReadAllText(DegradationSpec.Default.File), File.ReadAllText(run.Degradations));
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, AppearanceSpec.FileName)), File.ReadAllText(run.Appearance));
        var sha = RunFolder.Sha256(run.Appearance);
        Assert.Matches("^[0-9a-f]{64}$", sha);

        // A resumed run keeps what it started with, whatever it is resumed with.
        run.SaveSpecs(DegradationSpec.Default.File, "plain");
        Assert.Equal(sha, RunFolder.Sha256(run.Appearance));

        var plain = new RunFolder(Path.Combine(dir, "b"));
        plain.SaveSpecs(DegradationSpec.Default.File, "plain");
        Assert.Equal("plain\n", File.ReadAllText(plain.Appearance));
        Assert.Null(RunFolder.Sha256(Path.Combine(dir, "none.jsonc")));
    }
}
