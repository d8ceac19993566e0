using System.Numerics;
using DeepPlate.Formats;
using DeepPlate.Inference.Tests.Models;
using DeepPlate.Inference.Tests.Reading;

namespace DeepPlate.Inference.Tests.Preprocessing;

/// <summary>The corner sets a reader integrates over: the given corners first, the others around them, inside the picture.</summary>
public sealed class CornerJitterTests
{
    private static readonly Vector2[] Corners = [new(100, 50), new(300, 60), new(298, 110), new(102, 100)];

    [Fact]
    public void The_first_set_is_the_corners_and_the_others_stray_a_few_per_cent()
    {
        var sets = CornerJitter.Sets(Corners, CornerJitter.MaxSets, 400, 200);
        Assert.Equal(CornerJitter.MaxSets, sets.Length);
        Assert.Equal(Corners, sets[0]);
        for (var s = 1; s < sets.Length; s++)
        {
            Assert.NotEqual(Corners, sets[s]);
            for (var i = 0; i < 4; i++) Assert.InRange(Vector2.Distance(Corners[i], sets[s][i]), 0.5, 0.1 * 200);
            PlateCorners.Validate(sets[s], 400, 200);
        }
        Assert.Equal(sets, CornerJitter.Sets(Corners, CornerJitter.MaxSets, 400, 200));
        Assert.Equal(sets[..3], CornerJitter.Sets(Corners, 3, 400, 200));
    }

    [Fact]
    public void Sets_stay_inside_the_picture()
    {
        var whole = PlateCorners.WholeImage(128, 32);
        foreach (var set in CornerJitter.Sets(whole, CornerJitter.MaxSets, 128, 32))
        {
            Assert.All(set, p => Assert.True(p.X is >= 0 and <= 128 && p.Y is >= 0 and <= 32));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => CornerJitter.Sets(Corners, 0, 400, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => CornerJitter.Sets(Corners, CornerJitter.MaxSets + 1, 400, 200));
    }

    [Fact]
    public void A_reader_with_corner_sets_fuses_them_and_one_set_is_the_plain_read()
    {
        var (image, _, clicked) = SyntheticFrames.ReadableScene("de");
        var request = new ReadRequest([new PlateFrame(image, clicked)], "de");
        var plain = new PlateReader(Fixtures.Catalog, FormatRegistry.Default).Read(request);
        var one = new PlateReader(Fixtures.Catalog, FormatRegistry.Default, cornerSets: 1).Read(request);
        var five = new PlateReader(Fixtures.Catalog, FormatRegistry.Default, cornerSets: 5).Read(request);
        Assert.Equal(plain.Distribution, one.Distribution);
        Assert.NotEqual(plain.Distribution, five.Distribution);
        var classes = five.Model.Classes;
        for (var s = 0; s < five.Model.Slots; s++) Assert.Equal(1, five.Distribution.AsSpan(s * classes, classes).ToArray().Sum(), 3);
        Assert.Equal(five.Distribution, new PlateReader(Fixtures.Catalog, FormatRegistry.Default, cornerSets: 5).Read(request).Distribution);
    }
}
