using SkiaSharp;

namespace DeepPlate.Synth.Tests.Rendering;

/// <summary>Coverage is the exact area of each pixel the shape covers: checked against geometry, not against itself.</summary>
public sealed class CoverageRasterizerTests
{
    private static FlatOutline Outline(Action<SKPathBuilder> build, bool simplify = true)
    {
        using var builder = new SKPathBuilder();
        build(builder);
        using var path = builder.Detach();
        return new FlatOutline(path, simplify);
    }

    /// <summary>White (1) drawn on black (0): each pixel's value is the covered share.</summary>
    private static Raster Draw(int width, int height, FlatOutline outline, Projective map, float alpha = 1)
    {
        var raster = new Raster(width, height, 1);
        raster.Fill(SKColors.Black);
        new CoverageRasterizer().Fill(raster, outline, map, SKColors.White, alpha);
        return raster;
    }

    /// <summary>The area of [x0, x1) x [y0, y1) inside the pixel at (px, py).</summary>
    private static float Overlap(float x0, float y0, float x1, float y1, int px, int py) =>
        Math.Max(0, Math.Min(x1, px + 1) - Math.Max(x0, px)) * Math.Max(0, Math.Min(y1, py + 1) - Math.Max(y0, py));

    [Theory]
    [InlineData(2.25f, 1.5f, 7.75f, 4.4f)]
    [InlineData(-3.3f, 0.2f, 4.6f, 5.9f)] // past the left side: the part outside still counts for the winding
    [InlineData(5.1f, -2f, 13.5f, 3.3f)] // past the right and top sides
    public void A_rectangle_covers_each_pixel_by_its_overlap(float x0, float y0, float x1, float y1)
    {
        var square = Outline(b => b.AddRect(new SKRect(0, 0, 1, 1), SKPathDirection.Clockwise), simplify: false);
        var raster = Draw(10, 6, square, Projective.Place(x0, y0, x1 - x0, y1 - y0));
        var p = raster.Plane(0);
        for (var y = 0; y < 6; y++)
            for (var x = 0; x < 10; x++)
                Assert.Equal(Overlap(x0, y0, x1, y1, x, y), p[y * 10 + x], 4);
    }

    [Fact]
    public void A_circle_covers_its_area_and_nothing_outside_it()
    {
        var circle = Outline(b => b.AddCircle(0, 0, 1, SKPathDirection.Clockwise));
        var raster = Draw(40, 40, circle, Projective.Place(20.3, 19.6, 12, 12));
        var total = 0.0;
        var p = raster.Plane(0);
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < 40; x++)
            {
                total += p[y * 40 + x];
                var d = MathF.Sqrt((x + 0.5f - 20.3f) * (x + 0.5f - 20.3f) + (y + 0.5f - 19.6f) * (y + 0.5f - 19.6f));
                if (d > 12 + 0.75f) Assert.Equal(0f, p[y * 40 + x]);
                if (d < 12 - 0.75f) Assert.Equal(1f, p[y * 40 + x], 4);
            }
        }
        // Flattening cuts chords at most TolerancePx inside the curve: at most that much area along the perimeter.
        Assert.InRange(total, Math.PI * 144 - 2 * Math.PI * 12 * FlatOutline.TolerancePx, Math.PI * 144 + 0.01);
    }

    [Theory]
    [InlineData(SKPathDirection.Clockwise)]
    [InlineData(SKPathDirection.CounterClockwise)]
    public void A_hole_stays_empty_whichever_way_its_contour_runs(SKPathDirection hole)
    {
        var ring = Outline(b =>
        {
            b.AddRect(new SKRect(0, 0, 10, 10), SKPathDirection.Clockwise);
            b.AddRect(new SKRect(3, 3, 7, 7), hole);
        }, simplify: false);
        var raster = Draw(12, 12, ring, Projective.Place(1, 1, 1, 1));
        var p = raster.Plane(0);
        Assert.Equal(1f, p[2 * 12 + 2], 4); // ring
        Assert.Equal(0f, p[6 * 12 + 6], 4); // hole
        Assert.Equal(0f, p[0], 4); // outside
    }

    [Fact]
    public void Alpha_blends_towards_the_colour()
    {
        var square = Outline(b => b.AddRect(new SKRect(0, 0, 1, 1), SKPathDirection.Clockwise), simplify: false);
        var raster = Draw(4, 4, square, Projective.Place(0, 0, 4, 4), alpha: 0.25f);
        Assert.All(raster.Plane(0).ToArray(), v => Assert.Equal(0.25f, v, 5));
    }

    [Fact]
    public void A_glyph_in_perspective_matches_skias_anti_aliased_drawing()
    {
        // Skia's rasteriser is the independent reference: its anti-aliasing is an approximation (a few coverage
        // levels per pixel), so the two agree closely, not exactly.
        using var font = new FontCatalog(useEnvironment: false);
        using var glyph = font.Get("charles-wright").Glyph('R');
        var outline = new FlatOutline(glyph);
        var map = new Projective(30, 3, 20, 1.5, 40, 6, 0.002, 0.004, 1);
        var ours = Draw(64, 56, outline, map);

        using var bitmap = new SKBitmap(new SKImageInfo(64, 56, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            canvas.SetMatrix(new SKMatrix((float)map.M00, (float)map.M01, (float)map.M02, (float)map.M10, (float)map.M11, (float)map.M12, (float)map.M20, (float)map.M21, (float)map.M22));
            using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
            canvas.DrawPath(glyph, paint);
        }
        var skia = bitmap.GetPixelSpan();
        var p = ours.Plane(0);
        double sum = 0, inked = 0;
        var worst = 0f;
        for (var y = 0; y < 56; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                var d = Math.Abs(p[y * 64 + x] - skia[y * bitmap.RowBytes + x] / 255f);
                sum += d;
                worst = Math.Max(worst, d);
                inked += p[y * 64 + x];
            }
        }
        Assert.True(inked > 200, $"the glyph covers {inked} pixels");
        Assert.True(sum / (64 * 56) < 0.01, $"mean difference {sum / (64 * 56)}");
        Assert.True(worst < 0.2f, $"largest difference {worst}");
    }

    [Fact]
    public void Thin_shapes_at_any_angle_across_the_edges_stay_inside_the_raster()
    {
        // Near-horizontal edges that start far above or beside the raster: the walk along them must not drift out
        // of the accumulation buffer through rounding (a training run once stopped on such a band in perspective).
        var random = new Random(7);
        var raster = new Raster(37, 23, 1);
        var rasterizer = new CoverageRasterizer();
        for (var i = 0; i < 20000; i++)
        {
            raster.Fill(SKColors.Black);
            float R(float lo, float hi) => lo + (float)random.NextDouble() * (hi - lo);
            var (ax, ay) = (R(-400, 440), R(-300, 0.5f));
            var (bx, by) = (R(-400, 440), ay + R(1e-4f, 30));
            var (cx, cy) = (R(-400, 440), R(-5, 60));
            var triangle = Outline(b =>
            {
                b.MoveTo(ax, ay);
                b.LineTo(bx, by);
                b.LineTo(cx, cy);
                b.Close();
            }, simplify: false);
            rasterizer.Fill(raster, triangle, Projective.Identity, SKColors.White);
            foreach (var v in raster.Plane(0)) Assert.InRange(v, -1e-4f, 1 + 1e-4f);
        }
    }
}
