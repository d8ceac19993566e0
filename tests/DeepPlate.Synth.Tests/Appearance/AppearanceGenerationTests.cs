using System.Numerics;
using System.Runtime.InteropServices;
using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Appearance;

/// <summary>What the appearance spec changes in the generated samples, and what it leaves as it was.</summary>
public sealed class AppearanceGenerationTests
{
    private static PlateGenerator Generator(AppearanceSpec? appearance) =>
        new(FormatRegistry.Default, new FontCatalog(useEnvironment: false), DegradationSpec.Default, appearance);

    private static byte[] Bytes(SyntheticPlate p) => MemoryMarshal.AsBytes(p.Scene.Pixels).ToArray();

    [Fact]
    public void The_plain_spec_is_the_generator_without_one()
    {
        using var without = Generator(null);
        using var plain = Generator(AppearanceSpec.Plain);
        for (var i = 0; i < 8; i++)
        {
            using var a = without.Generate("us", null, 5, i);
            using var b = plain.Generate("us", null, 5, i);
            Assert.Equal(Bytes(a), Bytes(b));
            Assert.Equal(a.Clicked, b.Clicked);
        }
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("us")]
    public void The_default_spec_is_still_a_pure_function_of_seed_and_index(string country)
    {
        using var first = Generator(AppearanceSpec.Default);
        using var second = Generator(AppearanceSpec.Default);
        for (var i = 0; i < 6; i++) second.Generate("de", null, 9, 50 + i).Dispose();
        for (var i = 0; i < 24; i++)
        {
            using var a = first.Generate(country, null, 11, i);
            using var b = second.Generate(country, null, 11, i);
            Assert.Equal(a.Degradations, b.Degradations);
            Assert.Equal(a.Clicked, b.Clicked);
            Assert.Equal(Bytes(a), Bytes(b));
        }
    }

    [Fact]
    public void A_box_frames_the_whole_tilted_plate_inside_the_scene()
    {
        var boxes = AppearanceSpec.Plain with { BoxFraming = 1, BoxMarginX = [0, 0.1], BoxMarginY = [0, 0.5], BoxRollDeg = [-20, 20] };
        using var generator = Generator(boxes);
        var rolls = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            using var p = generator.Generate("es", null, 3, i);
            var c = p.Clicked;
            // Axis-aligned, clockwise from the top-left.
            Assert.Equal((c[0].Y, c[1].X, c[2].Y, c[3].X), (c[1].Y, c[2].X, c[3].Y, c[0].X));
            Assert.True(c[0].X < c[1].X && c[0].Y < c[3].Y);
            foreach (var corner in p.Corners)
            {
                Assert.InRange(corner.X, c[0].X - 1e-3f, c[1].X + 1e-3f);
                Assert.InRange(corner.Y, c[0].Y - 1e-3f, c[3].Y + 1e-3f);
            }
            Assert.True(c[0].X >= 0 && c[0].Y >= 0 && c[2].X <= p.Scene.Width && c[2].Y <= p.Scene.Height);
            rolls.Add(p.Degradations.RollDeg);
        }
        // Tilts beyond the clicked plates' +-10 degrees occur.
        Assert.Contains(rolls, r => Math.Abs(r) > 10);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("us")]
    public void A_tight_crop_frames_the_characters_inside_the_plate_and_keeps_the_label(string country)
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var tight = Generator(AppearanceSpec.Plain with { TightCrop = 1, TightMargin = [0, 0] });
        Degradations Fix(Degradations d) => Degradations.Clean(200);
        for (var i = 0; i < 6; i++)
        {
            using var a = plain.Generate(country, null, 12, i, fix: Fix);
            using var b = tight.Generate(country, null, 12, i, fix: Fix);
            Assert.Equal(a.Text, b.Text);
            Assert.Equal(a.Corners, b.Corners);
            Assert.Equal(Bytes(a), Bytes(b));
            // Facing the camera: the characters' box lies inside the plate, narrower and lower than it.
            var (plate, text) = (b.Corners, b.Clicked);
            Assert.All(text, p => Assert.InRange(p.X, plate[0].X, plate[1].X));
            Assert.All(text, p => Assert.InRange(p.Y, plate[0].Y, plate[3].Y));
            var share = (text[1].X - text[0].X) / (plate[1].X - plate[0].X);
            Assert.InRange(share, 0.2, 0.97);
            Assert.InRange((text[3].Y - text[0].Y) / (plate[3].Y - plate[0].Y), 0.3, 0.9);
        }
    }

    [Fact]
    public void An_inverted_plate_is_dark_where_its_twin_is_light()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var inverted = Generator(AppearanceSpec.Plain with { Inverted = 1 });
        for (var i = 0; i < 6; i++)
        {
            Degradations Fix(Degradations d) => Degradations.Clean(120);
            using var a = plain.Generate("fr", null, 21, i, fix: Fix);
            using var b = inverted.Generate("fr", null, 21, i, fix: Fix);
            // Same plate, same place: where one is light the other is dark, point for point.
            var (x, y) = (PlateValues(a), PlateValues(b));
            Assert.True(Correlation(x, y) < -0.5, $"plate {i}: correlation {Correlation(x, y):F2}");
        }
    }

    [Fact]
    public void An_occluder_covers_characters_and_leaves_the_label_and_corners()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var covered = Generator(AppearanceSpec.Plain with { Occluder = 1 });
        for (var i = 0; i < 4; i++)
        {
            Degradations Fix(Degradations d) => Degradations.Clean(150);
            using var a = plain.Generate("nl", null, 8, i, fix: Fix);
            using var b = covered.Generate("nl", null, 8, i, fix: Fix);
            Assert.Equal(a.Text, b.Text);
            Assert.Equal(a.Corners, b.Corners);
            var (x, y) = (PlateValues(a), PlateValues(b));
            var changed = x.Zip(y).Count(p => Math.Abs(p.First - p.Second) > 0.05) / (double)x.Count;
            // One or two characters of six to eight: a visible part of the plate, far from all of it.
            Assert.InRange(changed, 0.03, 0.5);
        }
    }

    [Fact]
    public void A_side_mark_is_drawn_beside_the_serial_of_plates_with_a_header_only()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var marked = Generator(AppearanceSpec.Plain with { SideMark = 1 });
        for (var i = 0; i < 4; i++)
        {
            // A US plate (a state header) gets another picture; a German plate has no header: nothing changes.
            AssertRedrawn(plain, marked, "us", i, changed: true);
            AssertRedrawn(plain, marked, "de", i, changed: false);
        }
    }

    [Fact]
    public void Stickers_are_drawn_on_plates_with_a_header_only()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var stickered = Generator(AppearanceSpec.Plain with { Stickers = 1, StickerSize = [0.1, 0.17] });
        for (var i = 0; i < 4; i++)
        {
            AssertRedrawn(plain, stickered, "us", i, changed: true);
            AssertRedrawn(plain, stickered, "de", i, changed: false);
        }
    }

    [Fact]
    public void A_dealers_name_is_printed_on_the_deep_frames_only()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var named = Generator(AppearanceSpec.Plain with { FrameText = 1 });
        Degradations Fix(Degradations d) => Degradations.Clean(150);
        var changed = 0;
        for (var i = 0; i < 80; i++)
        {
            using var a = plain.Generate("de", null, 8, i, fix: Fix);
            using var b = named.Generate("de", null, 8, i, fix: Fix);
            Assert.Equal(a.Text, b.Text);
            Assert.Equal(a.Corners, b.Corners);
            if (!Bytes(a).SequenceEqual(Bytes(b))) changed++;
        }
        // A frame on 30 % of plates, a deep bottom bar on half of those: about 12 of 80.
        Assert.InRange(changed, 4, 24);
    }

    [Fact]
    public void Makers_faces_redraw_the_characters_of_swapped_plates_only()
    {
        using var countries = Generator(AppearanceSpec.Plain with { TypefaceSwap = 1 });
        using var makers = Generator(AppearanceSpec.Plain with { TypefaceSwap = 1, MakerFaces = 1 });
        using var plain = Generator(AppearanceSpec.Plain);
        using var unswapped = Generator(AppearanceSpec.Plain with { MakerFaces = 1 });
        for (var i = 0; i < 4; i++)
        {
            AssertRedrawn(countries, makers, "fr", i, changed: true);
            // Without the swap the share draws nothing.
            AssertRedrawn(plain, unswapped, "fr", i, changed: false);
        }
    }

    [Fact]
    public void The_short_serial_share_marks_short_serials_only()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var shortOnly = Generator(AppearanceSpec.Plain with { SideMarkShort = 1 });
        var (shortSeen, longSeen) = (0, 0);
        for (var i = 0; i < 200 && (shortSeen < 3 || longSeen < 3); i++)
        {
            bool isShort;
            using (var drawn = plain.Generate("us", null, 8, i)) isShort = drawn.Text.Compact.Length <= PlateGenerator.SideMarkShortLength;
            if (isShort ? shortSeen >= 3 : longSeen >= 3) continue;
            // A short serial always gets its mark: another picture; a long one is as it was.
            AssertRedrawn(plain, shortOnly, "us", i, changed: isShort);
            if (isShort) shortSeen++;
            else longSeen++;
        }
        Assert.Equal((3, 3), (shortSeen, longSeen));
    }

    /// <summary>The same sample from two generators at a clean 150 px: the same label and corners, and another
    /// picture exactly when <paramref name="changed"/>.</summary>
    private static void AssertRedrawn(PlateGenerator before, PlateGenerator after, string country, long index, bool changed)
    {
        Degradations Fix(Degradations d) => Degradations.Clean(150);
        using var a = before.Generate(country, null, 8, index, fix: Fix);
        using var b = after.Generate(country, null, 8, index, fix: Fix);
        Assert.Equal(a.Text, b.Text);
        Assert.Equal(a.Corners, b.Corners);
        if (changed) Assert.NotEqual(Bytes(a), Bytes(b));
        else Assert.Equal(Bytes(a), Bytes(b));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.5)]
    public void The_layout_keeps_the_side_marks_room_free_of_characters(double sideOfHeight)
    {
        var text = FormatRegistry.Default.SampleAt("us", 3, 0, "ny");
        var style = text.Template.Plate;
        var typeface = text.Template.Typeface;
        var aside = sideOfHeight * PlateLayout.CharHeightFor(style, typeface);
        var layout = PlateLayout.Create(text, style, typeface, 0, Math.Max(aside, 0), Math.Max(-aside, 0));
        var free = PlateLayout.Create(text, style, typeface);
        Assert.Equal(free.Glyphs.Select(g => g.Char), layout.Glyphs.Select(g => g.Char));
        var left = layout.Glyphs.Min(g => g.CentreXMm - g.CellWidthMm / 2);
        var right = layout.Glyphs.Max(g => g.CentreXMm + g.CellWidthMm / 2);
        if (aside > 0) Assert.True(left >= aside, $"first cell at {left} mm inside the {aside} mm kept on the left");
        else Assert.True(right <= style.WidthMm + aside, $"last cell at {right} mm inside the {-aside} mm kept on the right");
    }

    [Fact]
    public void Shares_come_out_as_the_spec_says()
    {
        using var generator = Generator(AppearanceSpec.Default);
        var n = 300;
        var boxed = 0;
        for (var i = 0; i < n; i++)
        {
            using var p = generator.Generate("se", null, 31, i);
            if (p.Clicked[0].Y == p.Clicked[1].Y && p.Clicked[1].X == p.Clicked[2].X && p.Clicked != p.Corners) boxed++;
        }
        // Clicked plates with a random click error are never exactly axis-aligned.
        Assert.InRange(boxed / (double)n, AppearanceSpec.Default.BoxFraming - 0.08, AppearanceSpec.Default.BoxFraming + 0.08);
    }

    [Fact]
    public void Bold_characters_cover_more_of_the_plate_and_keep_the_label_and_corners()
    {
        foreach (var (plain, bold) in PlainAndChanged(AppearanceSpec.Plain with { GlyphBold = 1, GlyphBoldness = [0.03, 0.03] }))
        {
            // Strokes about 13 % of the height grow by 3 % on each side: roughly half as much ink again.
            Assert.InRange(DarkShare(bold) / DarkShare(plain), 1.2, 2.2);
        }
    }

    [Fact]
    public void Warped_characters_move_their_strokes_and_keep_the_label_the_corners_and_about_their_ink()
    {
        foreach (var (plain, warped) in PlainAndChanged(AppearanceSpec.Plain with { GlyphWarp = 1, GlyphWarpAmount = [0.03, 0.03] }))
        {
            var moved = plain.Zip(warped).Count(p => Math.Abs(p.First - p.Second) > 0.25);
            Assert.True(moved > plain.Count / 200, $"{moved} of {plain.Count} pixels changed");
            // A warp moves ink about; it neither draws nor erases whole strokes.
            Assert.InRange(DarkShare(warped) / DarkShare(plain), 0.85, 1.18);
        }
    }

    /// <summary>Four clean German plates (black on white: more ink is a darker plate) drawn plain and with
    /// <paramref name="changed"/>, which must keep their labels and corners; the plates' grey values.</summary>
    private static IEnumerable<(List<double> Plain, List<double> Changed)> PlainAndChanged(AppearanceSpec changed)
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var other = Generator(changed);
        Degradations Fix(Degradations d) => Degradations.Clean(200);
        for (var i = 0; i < 4; i++)
        {
            using var a = plain.Generate("de", null, 8, i, fix: Fix);
            using var b = other.Generate("de", null, 8, i, fix: Fix);
            Assert.Equal(a.Text, b.Text);
            Assert.Equal(a.Corners, b.Corners);
            yield return (PlateValues(a), PlateValues(b));
        }
    }

    private static double DarkShare(List<double> values) => values.Count(v => v < 0.5) / (double)values.Count;

    [Fact]
    public void The_I_gets_serifs_on_the_typefaces_share_of_plates_that_have_one()
    {
        // The same formats with the US typeface's serifI at 0: plates without an I, and the share of plates with one
        // that the draw leaves plain, come out byte for byte as they were.
        var folder = Directory.CreateTempSubdirectory("deepplate-serif-i-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(FormatRegistry.DefaultDirectory, "*.jsonc", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder, Path.GetRelativePath(FormatRegistry.DefaultDirectory, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var us = Path.Combine(folder, "us.jsonc");
            var text = File.ReadAllText(us);
            Assert.Contains("\"serifI\": 0.7,", text);
            File.WriteAllText(us, text.Replace("\"serifI\": 0.7,", "\"serifI\": 0,"));
            var fonts = new FontCatalog(useEnvironment: false);
            using var serifed = new PlateGenerator(FormatRegistry.Default, fonts, DegradationSpec.Default, AppearanceSpec.Plain);
            using var plain = new PlateGenerator(FormatRegistry.Load(folder), fonts, DegradationSpec.Default, AppearanceSpec.Plain);
            Degradations Fix(Degradations d) => Degradations.Clean(150);
            // Personalised plates of I and other letters: the I is drawn on every one of them.
            PlateText WithI(PlateText t) => t with { Text = "FAMILY", Compact = "FAMILY" };
            var (changed, withI) = (0, 40);
            for (var i = 0; i < withI; i++)
            {
                using var a = serifed.Generate("us", null, 6, i, fix: Fix, retext: WithI);
                using var b = plain.Generate("us", null, 6, i, fix: Fix, retext: WithI);
                Assert.Equal((a.Text.Text, a.Text.Template.QualifiedId), (b.Text.Text, b.Text.Template.QualifiedId));
                if (!Bytes(a).SequenceEqual(Bytes(b))) changed++;
            }
            // 0.7 of 40: 28 expected, binomial standard deviation 2.9.
            Assert.InRange(changed, 19, 37);
            for (var i = 0; i < 20; i++)
            {
                using var a = serifed.Generate("us", null, 6, i, fix: Fix, retext: t => t with { Text = "FAMOLY", Compact = "FAMOLY" });
                using var b = plain.Generate("us", null, 6, i, fix: Fix, retext: t => t with { Text = "FAMOLY", Compact = "FAMOLY" });
                Assert.Equal(Bytes(a), Bytes(b));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Spread_serials_change_only_their_share_of_plates()
    {
        using var centred = Generator(AppearanceSpec.Plain);
        using var spread = Generator(AppearanceSpec.Plain with { Spread = 0.5, SpreadAmount = [1, 1] });
        Degradations Fix(Degradations d) => Degradations.Clean(150);
        // Short serials, which have room to spread: about half of them change; the others are byte for byte as they were.
        PlateText Short(PlateText t) => t with { Text = "BE840", Compact = "BE840" };
        var changed = 0;
        for (var i = 0; i < 40; i++)
        {
            using var a = centred.Generate("us", null, 6, i, fix: Fix, retext: Short);
            using var b = spread.Generate("us", null, 6, i, fix: Fix, retext: Short);
            Assert.Equal(a.Corners, b.Corners);
            if (!Bytes(a).SequenceEqual(Bytes(b))) changed++;
        }
        // 0.5 of 40: 20 expected, binomial standard deviation 3.2.
        Assert.InRange(changed, 10, 30);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("de")]
    public void European_plates_are_never_spread(string country)
    {
        using var centred = Generator(AppearanceSpec.Plain);
        using var spread = Generator(AppearanceSpec.Plain with { Spread = 1, SpreadAmount = [1, 1] });
        Degradations Fix(Degradations d) => Degradations.Clean(150);
        for (var i = 0; i < 10; i++)
        {
            using var a = centred.Generate(country, null, 6, i, fix: Fix);
            using var b = spread.Generate(country, null, 6, i, fix: Fix);
            Assert.Equal(Bytes(a), Bytes(b));
        }
    }

    [Fact]
    public void Tempered_template_draws_give_rare_plate_kinds_more_plates()
    {
        using var issued = Generator(AppearanceSpec.Plain);
        using var tempered = Generator(AppearanceSpec.Plain with { TemplateTemper = 0.5 });
        Degradations Fix(Degradations d) => Degradations.Clean(60);
        int Personalised(PlateGenerator g) => Enumerable.Range(0, 300).Count(i =>
        {
            using var p = g.Generate("us", null, 4, i, fix: Fix);
            return p.Text.Template.Id == "vanity";
        });
        // Personalised plates are about 6 % of each state's plates as issued, about 15 % tempered by 0.5.
        var (a, b) = (Personalised(issued), Personalised(tempered));
        Assert.InRange(a, 6, 36);
        Assert.InRange(b, 30, 70);
        Assert.True(b > 2 * a, $"{a} personalised plates as issued, {b} tempered");
    }

    /// <summary>The scene's grey values on a grid over the plate's middle (inside its bands and border).</summary>
    private static List<double> PlateValues(SyntheticPlate p)
    {
        var values = new List<double>();
        for (var u = 0.2; u <= 0.8; u += 0.01)
        {
            for (var v = 0.3; v <= 0.7; v += 0.05)
            {
                var q = SceneLight.PlatePoint(p.Corners, u, v);
                values.Add(p.Scene.Pixels[(int)q.Y * p.Scene.Width + (int)q.X]);
            }
        }
        return values;
    }

    private static double Correlation(List<double> x, List<double> y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var (sxy, sxx, syy) = (0.0, 0.0, 0.0);
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
