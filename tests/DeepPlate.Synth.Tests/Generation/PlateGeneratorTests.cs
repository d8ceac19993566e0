using System.Runtime.InteropServices;
using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Generation;

/// <summary>A synthetic sample is a pure function of (seed, index): the same bytes from any generator, in any order.</summary>
public sealed class PlateGeneratorTests
{
    private static PlateGenerator NewGenerator() => new(FormatRegistry.Default, new FontCatalog(useEnvironment: false), DegradationSpec.Default);

    private static byte[] Bytes(SyntheticPlate p) => MemoryMarshal.AsBytes(p.Scene.Pixels).ToArray();

    [Theory]
    [InlineData("de")]
    [InlineData("uk")]
    [InlineData("us")]
    [InlineData("fr")]
    public void The_same_seed_and_index_give_identical_bytes_whatever_was_generated_before(string country)
    {
        using var first = NewGenerator();
        using var second = NewGenerator();
        // The second generator has drawn other plates first (other sizes, other countries): nothing may carry over.
        for (var i = 0; i < 5; i++) second.Generate("us", null, 3, 100 + i).Dispose();
        second.Generate("de", null, 3, 7).Dispose();
        for (var index = 0; index < 12; index++)
        {
            using var a = first.Generate(country, null, 42, index);
            using var b = second.Generate(country, null, 42, index);
            Assert.Equal(a.Text.Text, b.Text.Text);
            Assert.Equal(a.Variant, b.Variant);
            Assert.Equal(a.Degradations, b.Degradations);
            Assert.Equal(a.Corners, b.Corners);
            Assert.Equal(a.Clicked, b.Clicked);
            Assert.Equal((a.Scene.Width, a.Scene.Height), (b.Scene.Width, b.Scene.Height));
            Assert.Equal(Bytes(a), Bytes(b));
        }
    }

    [Fact]
    public void Another_index_or_seed_gives_another_sample()
    {
        using var generator = NewGenerator();
        using var a = generator.Generate("de", null, 42, 0);
        using var b = generator.Generate("de", null, 42, 1);
        using var c = generator.Generate("de", null, 43, 0);
        Assert.NotEqual(Bytes(a), Bytes(b));
        Assert.NotEqual(Bytes(a), Bytes(c));
    }

    [Fact]
    public void A_sample_is_the_same_on_two_threads()
    {
        // One generator per thread, as the synth command runs them.
        byte[][] Run() => [.. Enumerable.Range(0, 16).Select(i =>
        {
            using var g = NewGenerator();
            using var p = g.Generate("nl", null, 9, i);
            return Bytes(p);
        })];
        var serial = Run();
        var parallel = new byte[16][];
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            using var g = NewGenerator();
            using var p = g.Generate("nl", null, 9, i);
            parallel[i] = Bytes(p);
        });
        for (var i = 0; i < 16; i++) Assert.Equal(serial[i], parallel[i]);
    }

    [Fact]
    public void The_plate_lies_inside_its_scene_and_the_scene_is_grey_in_range()
    {
        using var generator = NewGenerator();
        for (var i = 0; i < 40; i++)
        {
            using var p = generator.Generate("us", null, 5, i);
            foreach (var c in p.Corners)
            {
                Assert.InRange(c.X, 0, p.Scene.Width);
                Assert.InRange(c.Y, 0, p.Scene.Height);
            }
            foreach (var v in p.Scene.Pixels) Assert.InRange(v, 0f, 1f);
        }
    }
}
