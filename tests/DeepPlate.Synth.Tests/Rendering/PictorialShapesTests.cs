namespace DeepPlate.Synth.Tests.Rendering;

public sealed class PictorialShapesTests
{
    [Fact]
    public void Every_silhouette_is_ink_inside_its_unit_square_and_none_is_empty()
    {
        using var shapes = new PictorialShapes();
        for (var i = 0; i < PictorialShapes.SilhouetteCount; i++)
        {
            var outline = shapes.Silhouette(i);
            Assert.False(outline.IsEmpty, $"silhouette {i} has no ink");
            var b = outline.Bounds;
            // The box a plate places it in is the square [-1, 1]²; a stroke's round cap may reach a little beyond.
            Assert.True(b.Left >= -1.15f && b.Top >= -1.15f && b.Right <= 1.15f && b.Bottom <= 1.15f, $"silhouette {i} spans {b}");
            Assert.True(b.Width > 0.5f && b.Height > 0.5f, $"silhouette {i} is a sliver: {b}");
        }
    }

    [Fact]
    public void The_wheelchair_symbol_has_a_hole_in_its_wheel_and_the_line_drawings_are_strokes()
    {
        using var shapes = new PictorialShapes();
        // Every sixth shape from the fifth is the symbol, from the sixth a line drawing (PictorialShapes.Kinds).
        var wheelchair = shapes.SilhouettePath(4);  // the renderer's own: not disposed here
        var (wx, wy) = (-0.15f, 0.4f);  // the wheel's centre: inside the ring, not ink
        Assert.False(wheelchair.Contains(wx, wy), "the wheel is a ring");
        Assert.True(wheelchair.Contains(-0.22f, -0.78f), "the head is ink");
        Assert.True(wheelchair.Contains(-0.165f, 0f), "the back stays ink where it crosses the ring");
        // A line drawing is strokes about as heavy as a character's (at most 0.26 of the unit square): hardly any
        // ink point has ink all round it 0.2 away, where many of a filled polygon's or blob's do.
        for (var i = 0; i < PictorialShapes.SilhouetteCount; i++)
        {
            if (i % 6 is not (1 or 2 or 5)) continue;
            var path = shapes.SilhouettePath(i);
            var (ink, deep) = (0, 0);
            for (var y = -1f; y <= 1f; y += 0.025f)
                for (var x = -1f; x <= 1f; x += 0.025f)
                {
                    if (!path.Contains(x, y)) continue;
                    ink++;
                    if (Enumerable.Range(0, 8).All(k => path.Contains(x + 0.2f * MathF.Cos(k * MathF.PI / 4), y + 0.2f * MathF.Sin(k * MathF.PI / 4)))) deep++;
                }
            var share = deep / (double)ink;
            if (i % 6 == 5) Assert.True(share < 0.15, $"line drawing {i}: {share:P1} of its ink lies deep inside");
            else Assert.True(share > 0.35, $"filled shape {i}: only {share:P1} of its ink lies deep inside");
        }
    }
}
