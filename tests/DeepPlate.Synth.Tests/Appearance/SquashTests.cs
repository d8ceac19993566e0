using System.Numerics;
using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Appearance;

/// <summary>Frames resized to another aspect (appearance "squash"): the plate's rows stretched against its columns,
/// its width in pixels kept, and nothing else about the plate changed.</summary>
public sealed class SquashTests
{
    private static PlateGenerator Generator(AppearanceSpec appearance) =>
        new(FormatRegistry.Default, new FontCatalog(useEnvironment: false), DegradationSpec.Default, appearance);

    private static (float Width, float Height) Extent(Vector2[] c) =>
        (c.Max(p => p.X) - c.Min(p => p.X), c.Max(p => p.Y) - c.Min(p => p.Y));

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.8)]
    public void A_pixel_aspect_scales_the_plate_and_the_scene_vertically_only(double aspect)
    {
        var d = Degradations.Clean(120) with { YawDeg = 20, RollDeg = 5 };
        var square = PlateProjection.Create(520, 110, d, 0.5, 0.5, 0.5, 0.5);
        var squashed = PlateProjection.Create(520, 110, d, 0.5, 0.5, 0.5, 0.5, aspect);
        var (w0, h0) = Extent(square.Corners);
        var (w1, h1) = Extent(squashed.Corners);
        Assert.Equal(w0, w1, 3);
        Assert.Equal(h0 * aspect, h1, 3);
        Assert.Equal(square.SceneWidth, squashed.SceneWidth);
        Assert.InRange(squashed.SceneHeight, square.SceneHeight * aspect - 1.5, square.SceneHeight * aspect + 1.5);
        // Every point of the plate lands where the square frame put it, its row scaled about the plate's top.
        var top0 = square.Corners.Min(p => p.Y);
        var top1 = squashed.Corners.Min(p => p.Y);
        var (a, b) = (square.Matrix.Apply(300, 40), squashed.Matrix.Apply(300, 40));
        Assert.Equal(a.X - square.Corners.Min(p => p.X), b.X - squashed.Corners.Min(p => p.X), 3);
        Assert.Equal((a.Y - top0) * aspect, b.Y - top1, 3);
    }

    [Fact]
    public void Squashed_plates_keep_their_text_and_width_and_change_their_height_by_the_drawn_factor()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var squashed = Generator(AppearanceSpec.Plain with { Squash = 1, SquashFactor = [0.5, 0.5] });
        for (var i = 0; i < 5; i++)
        {
            using var a = plain.Generate("fr", null, 4, i);
            using var b = squashed.Generate("fr", null, 4, i);
            Assert.Equal(a.Text, b.Text);
            var (wa, ha) = Extent(a.Corners);
            var (wb, hb) = Extent(b.Corners);
            Assert.Equal(wa, wb, 3);
            Assert.Equal(ha * 0.5, hb, 3);
        }
    }

    [Fact]
    public void The_default_spec_squashes_some_plates_both_ways_within_its_range()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var varied = Generator(AppearanceSpec.Plain with { Squash = AppearanceSpec.Default.Squash, SquashFactor = AppearanceSpec.Default.SquashFactor });
        var factors = Enumerable.Range(0, 200).Select(i =>
        {
            using var a = plain.Generate("us", null, 8, i);
            using var b = varied.Generate("us", null, 8, i);
            return Extent(b.Corners).Height / Extent(a.Corners).Height;
        }).ToList();
        var squashed = factors.Where(f => Math.Abs(f - 1) > 1e-3).ToList();
        Assert.InRange(squashed.Count, 10, 60);
        Assert.All(squashed, f => Assert.InRange(f, AppearanceSpec.Default.SquashFactor[0] - 1e-3, AppearanceSpec.Default.SquashFactor[1] + 1e-3));
        Assert.Contains(squashed, f => f < 1);
        Assert.Contains(squashed, f => f > 1);
    }
}
