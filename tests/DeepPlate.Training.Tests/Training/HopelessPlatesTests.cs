using DeepPlate.Formats;
using DeepPlate.Synth;
using DeepPlate.Training;
using DeepPlate.Training.Evaluation.Ceiling;

namespace DeepPlate.Training.Tests.Training;

/// <summary>Passing over plates the ideal observer cannot read: the nearest cell decides, the draws are pure
/// functions of (seed, index, attempt), and only hopeless plates are replaced.</summary>
public sealed class HopelessPlatesTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-hopeless-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    // Narrow plates unreadable, wide ones read; noise and JPEG do not matter here.
    private static CeilingResult Ceiling() => new("nl", 10, "0x1",
    [
        .. new double[] { 12, 100 }.SelectMany(w => new double?[] { 0, null }.SelectMany(s => new int?[] { null, 15 }.Select(q =>
            new CeilingCell(w, s, q, 100, w < 50 ? 2 : 95)))),
    ]);

    private static HopelessPlates Filter(double keep) =>
        new(Ceiling(), keep, ModelAlphabet.For(FormatRegistry.Default.Country("nl")).Characters.Length);

    [Fact]
    public void The_nearest_cell_on_a_log_scale_says_how_readable_a_plate_is()
    {
        var filter = Filter(0);
        Assert.Equal(0.02, filter.Readable(Degradations.Clean(14)), 6);
        Assert.Equal(0.02, filter.Readable(Degradations.Clean(30) with { SnrDb = 3, JpegQuality = 20 }), 6);   // 30 px: nearer 12 than 100
        Assert.Equal(0.95, filter.Readable(Degradations.Clean(60)), 6);
        Assert.Equal(0.95, filter.Readable(Degradations.Clean(180) with { SnrDb = 25, JpegQuality = 90 }), 6);
    }

    [Fact]
    public void Only_hopeless_plates_are_passed_over_and_the_last_draw_is_kept()
    {
        Assert.True(Filter(0).Skip(Degradations.Clean(14), 1, 5, 0));
        Assert.False(Filter(0).Skip(Degradations.Clean(14), 1, 5, HopelessPlates.Attempts - 1));
        Assert.False(Filter(0).Skip(Degradations.Clean(100), 1, 5, 0));
        Assert.False(Filter(1).Skip(Degradations.Clean(14), 1, 5, 0));
        var half = Filter(0.5);
        var skipped = Enumerable.Range(0, 400).Count(i => half.Skip(Degradations.Clean(14), 1, i, 0));
        Assert.InRange(skipped, 160, 240);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => half.Skip(Degradations.Clean(14), 3, i, 1)),
            Enumerable.Range(0, 50).Select(i => half.Skip(Degradations.Clean(14), 3, i, 1)));
    }

    [Fact]
    public void A_filtered_stream_differs_from_the_plain_one_exactly_where_plates_were_hopeless()
    {
        const int n = 40;
        var filter = Filter(0);
        using var generator = new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default);
        using var plain = new PlateSampler("nl", 32, 128);
        using var filtered = new PlateSampler("nl", 32, 128, hopeless: filter);
        using var again = new PlateSampler("nl", 32, 128, hopeless: filter);
        var (a, b, c) = (new float[n * 32 * 128], new float[n * 32 * 128], new float[n * 32 * 128]);
        var labels = new long[n * 10];
        var (differ, hopeless) = (0, 0);
        for (var i = 0; i < n; i++)
        {
            plain.Fill(7, i, 1, a, labels, i);
            filtered.Fill(7, i, 1, b, labels, i);
            again.Fill(7, i, 1, c, labels, i);
            if (!a.AsSpan(i * 4096, 4096).SequenceEqual(b.AsSpan(i * 4096, 4096))) differ++;
            using var p = generator.Generate("nl", null, 7, i, 1);
            if (filter.Readable(p.Degradations) < filter.Chance) hopeless++;
        }
        Assert.Equal(b, c);
        Assert.Equal(hopeless, differ);
        Assert.InRange(hopeless, 5, 35);
    }

    [Fact]
    public void A_run_keeps_its_own_copy_of_the_ceiling_and_needs_one()
    {
        var ceilings = Path.Combine(dir, "ceiling");
        Directory.CreateDirectory(Path.Combine(ceilings, "nl"));
        Ceiling().WriteJson(Path.Combine(ceilings, "nl", "ceiling.json"));
        var options = TinyRuns.Options(dir, "nl", "run", 64) with { Ceilings = ceilings, HopelessKeep = 0.2 };
        new Trainer(options).Train();
        var run = new RunFolder(options.Out!);
        Assert.Equal(File.ReadAllText(Path.Combine(ceilings, "nl", "ceiling.json")), File.ReadAllText(run.Ceiling));

        Assert.Throws<ArgumentException>(() => (options with { Ceilings = null }).Validate());
        Assert.Throws<ArgumentException>(() => (options with { HopelessKeep = 1.5 }).Validate());
        var missing = TinyRuns.Options(dir, "it", "missing", 64) with { Ceilings = ceilings, HopelessKeep = 0.2 };
        Assert.Throws<FileNotFoundException>(() => new Trainer(missing).Train());
    }
}
