using System.Runtime.InteropServices;
using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Appearance;

/// <summary>The US-kind extras (stacked side marks, silhouettes, scenery, lettering) and embossing: where they go, that
/// the label never holds them, and that a sample stays a pure function of (seed, index).</summary>
public sealed class PictorialPlateTests
{
    private static PlateGenerator Generator(AppearanceSpec appearance) =>
        new(FormatRegistry.Default, new FontCatalog(useEnvironment: false), DegradationSpec.Default, appearance);

    private static byte[] Bytes(SyntheticPlate p) => MemoryMarshal.AsBytes(p.Scene.Pixels).ToArray();

    /// <summary>Every new step certain to happen.</summary>
    private static readonly AppearanceSpec AllOn = AppearanceSpec.Default with
    {
        SideMark = 1, SideMarkStacked = 1, Emboss = 1, Silhouette = 1, Scenery = 1, Lettering = 1, LetteringBand = 0.5,
    };

    [Fact]
    public void Stacked_letters_sit_beside_the_serial_never_on_its_cells()
    {
        for (var i = 0; i < 200; i++)
        {
            var text = FormatRegistry.Default.SampleAt("us", 3, i);
            var (style, typeface) = (text.Template.Plate, text.Template.Typeface);
            var mark = SideMark.From((ulong)i * 7919 + 1, 1, 0.3, 0.3);
            var aspect = typeface.WidthMm / typeface.HeightMm;
            var ch = PlateLayout.CharHeightFor(style, typeface, style.HeightMm * 0.2);
            var room = mark.WidthMm(ch, aspect);
            var layout = PlateLayout.Create(text, style, typeface, style.HeightMm * 0.2, mark.Left ? room : 0, mark.Left ? 0 : room);
            var boxes = mark.Boxes(layout, aspect);
            Assert.Equal(mark.Letters.Length, boxes.Count);
            Assert.InRange(mark.Letters.Length, 2, 3);
            foreach (var (c, x, y, w, h) in boxes)
            {
                Assert.Contains(c, mark.Letters);
                Assert.InRange(x, 0, style.WidthMm - w);
                Assert.InRange(y, layout.TextTopMm - 1e-9, layout.TextTopMm + layout.CharHeightMm - h + 1e-9);
                foreach (var g in layout.Glyphs)
                {
                    var (l, r) = (g.CentreXMm - g.CellWidthMm / 2, g.CentreXMm + g.CellWidthMm / 2);
                    Assert.True(x + w <= l || x >= r, $"mark box {x:F1}..{x + w:F1} mm over the cell of '{g.Char}' {l:F1}..{r:F1} mm");
                }
            }
            // Together as tall as the serial: two letters each 47.5 %, three each 30 %.
            Assert.Equal(layout.CharHeightMm, boxes[^1].Y + boxes[^1].H - boxes[0].Y, 6);
        }
    }

    [Fact]
    public void Marks_hold_two_or_three_letters_some_with_a_digit()
    {
        var marks = Enumerable.Range(1, 400).Select(i => SideMark.From((ulong)i, 1, 0.2, 0.15)).ToList();
        var three = marks.Count(m => m.Letters.Length == 3) / 400.0;
        var digit = marks.Count(m => m.Letters.Any(char.IsAsciiDigit)) / 400.0;
        Assert.InRange(three, 0.12, 0.28);
        Assert.InRange(digit, 0.08, 0.22);
        Assert.All(marks, m => Assert.True(m.Letters.Length == 3 ? m.LetterShare is > 0.29 and < 0.31 : m.LetterShare is > 0.44 and < 0.48));
    }

    [Fact]
    public void Emblems_carry_characters_of_their_own_for_their_share_and_the_rest_of_the_mark_stays_as_drawn_before()
    {
        var without = Enumerable.Range(1, 400).Select(i => SideMark.From((ulong)i, 0.3, 0.2, 0.15)).ToList();
        var with = Enumerable.Range(1, 400).Select(i => SideMark.From((ulong)i, 0.3, 0.2, 0.15, emblemTextShare: 0.5)).ToList();
        Assert.All(without, m => Assert.Null(m.EmblemText));
        Assert.Equal(without, with.Select(m => m with { EmblemText = null }));
        Assert.All(with.Where(m => m.Stacked), m => Assert.Null(m.EmblemText));
        var texts = with.Where(m => m.EmblemText is not null).Select(m => m.EmblemText!).ToList();
        var emblems = with.Count(m => !m.Stacked);
        Assert.InRange(texts.Count, emblems * 0.35, emblems * 0.65);
        Assert.All(texts, t => Assert.True(t.Length is >= 1 and <= 3 && (t.All(char.IsAsciiDigit) || t.All(char.IsAsciiLetterUpper)), t));
        Assert.Contains(texts, t => t.All(char.IsAsciiDigit));
        Assert.Contains(texts, t => t.All(char.IsAsciiLetterUpper));
    }

    [Fact]
    public void An_emblem_with_characters_draws_them_and_keeps_the_label()
    {
        var spec = AppearanceSpec.Plain with { SideMark = 1, SideMarkShort = 1, SideMarkStacked = 0 };
        using var bare = Generator(spec);
        using var lettered = Generator(spec with { EmblemText = 1 });
        Degradations Fix(Degradations d) => Degradations.Clean(150);
        var differ = 0;
        for (var i = 0; i < 6; i++)
        {
            using var a = bare.Generate("us", null, 8, i, fix: Fix);
            using var b = lettered.Generate("us", null, 8, i, fix: Fix);
            Assert.Equal(a.Text, b.Text);
            Assert.Equal(a.Corners, b.Corners);
            if (!Bytes(a).SequenceEqual(Bytes(b))) differ++;
        }
        // Every US plate has a header, so each has an emblem, and each emblem its characters (one may lack them in
        // the face drawn for it).
        Assert.InRange(differ, 5, 6);
    }

    [Fact]
    public void The_label_and_corners_never_change_only_the_picture()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var decorated = Generator(AllOn with { EasyShare = 0, BoxFraming = 0, Occluder = 0, TypefaceSwap = 0, LooseGap = 0, TemplateTemper = 1, GlyphWidth = [1, 1], GlyphHeight = [1, 1], GlyphGap = [1, 1] });
        Degradations Fix(Degradations d) => Degradations.Clean(150);
        for (var i = 0; i < 6; i++)
        {
            using var a = plain.Generate("us", null, 8, i, fix: Fix);
            using var b = decorated.Generate("us", null, 8, i, fix: Fix);
            Assert.Equal(a.Text, b.Text);
            Assert.Equal(a.Corners, b.Corners);
            Assert.NotEqual(Bytes(a), Bytes(b));
        }
    }

    [Fact]
    public void Embossing_reaches_every_country_the_pictures_only_plates_with_a_header()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var embossed = Generator(AppearanceSpec.Plain with { Emboss = 1, EmbossOffset = [0.03, 0.03] });
        using var pictures = Generator(AppearanceSpec.Plain with { Silhouette = 1, SilhouetteSize = [1, 1], Scenery = 1, Lettering = 1, LetteringSize = [0.2, 0.2] });
        Degradations Fix(Degradations d) => Degradations.Clean(150);
        for (var i = 0; i < 4; i++)
        {
            using var a = plain.Generate("de", null, 8, i, fix: Fix);
            using var b = embossed.Generate("de", null, 8, i, fix: Fix);
            using var c = pictures.Generate("de", null, 8, i, fix: Fix);
            Assert.Equal(a.Text, b.Text);
            Assert.NotEqual(Bytes(a), Bytes(b));
            Assert.Equal(Bytes(a), Bytes(c));
        }
    }

    [Fact]
    public void Every_new_step_keeps_a_sample_a_pure_function_of_seed_and_index()
    {
        using var first = Generator(AllOn);
        using var second = Generator(AllOn);
        for (var i = 0; i < 5; i++) second.Generate("us", null, 3, 90 + i).Dispose();
        for (var i = 0; i < 16; i++)
        {
            using var a = first.Generate("us", null, 12, i);
            using var b = second.Generate("us", null, 12, i);
            Assert.Equal(a.Text, b.Text);
            Assert.Equal(Bytes(a), Bytes(b));
        }
    }
}
