using System.Numerics;
using SkiaSharp;

namespace DeepPlate.Synth.Tests.Rendering;

public sealed class GlyphWarpTests
{
    private static readonly SKRect Box = new(0.05f, 0, 0.6f, 1);

    private static IEnumerable<Vector2> Points()
    {
        for (var y = -0.1f; y <= 1.1f; y += 0.05f)
            for (var x = -0.05f; x <= 0.7f; x += 0.05f) yield return new Vector2(x, y);
    }

    [Fact]
    public void No_point_moves_further_than_the_amount_on_either_axis()
    {
        for (var index = 0; index < 8; index++)
        {
            var warp = new GlyphWarp(Box, 0.03f, seed: 77, index);
            var largest = Points().Max(p => Math.Max(Math.Abs(warp.Apply(p).X - p.X), Math.Abs(warp.Apply(p).Y - p.Y)));
            Assert.InRange(largest, 0.003f, 0.03f + 1e-6f);
        }
    }

    [Fact]
    public void The_default_and_a_zero_amount_leave_every_point_where_it_was()
    {
        foreach (var warp in new[] { default, new GlyphWarp(Box, 0, 5, 0) })
        {
            Assert.True(warp.IsNone);
            Assert.All(Points(), p => Assert.Equal(p, warp.Apply(p)));
        }
    }

    [Fact]
    public void A_warp_is_a_function_of_its_seed_and_position_and_smooth()
    {
        var (a, b, other) = (new GlyphWarp(Box, 0.03f, 9, 2), new GlyphWarp(Box, 0.03f, 9, 2), new GlyphWarp(Box, 0.03f, 9, 3));
        Assert.All(Points(), p => Assert.Equal(a.Apply(p), b.Apply(p)));
        Assert.Contains(Points(), p => (a.Apply(p) - other.Apply(p)).Length() > 1e-3f);
        // Neighbouring points stay neighbours: the grid is 4 x 4 over the box, so the slope is at most
        // 2 x amount over a third of the box.
        var step = new Vector2(0.001f, 0.001f);
        var steepest = Points().Max(p => ((a.Apply(p + step) - p - step) - (a.Apply(p) - p)).Length() / step.Length());
        Assert.True(steepest < 2 * 0.03f / (Box.Width / 3), $"the displacement changes {steepest} per unit");
    }
}
