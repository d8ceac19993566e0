using System.Runtime.InteropServices;
using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Appearance;

/// <summary>Loose gaps (appearance.jsonc "looseGap"): a gapless text is drawn split in two, its text and label never
/// change (only <see cref="SyntheticPlate.Drawn"/>), and a text that has its gaps already is left alone.</summary>
public sealed class LooseGapTests
{
    private static PlateGenerator Generator(AppearanceSpec appearance) =>
        new(FormatRegistry.Default, new FontCatalog(useEnvironment: false), DegradationSpec.Default, appearance);

    private static byte[] Bytes(SyntheticPlate p) => MemoryMarshal.AsBytes(p.Scene.Pixels).ToArray();

    private static Degradations Fix(Degradations d) => Degradations.Clean(150);

    [Fact]
    public void A_gapless_text_is_drawn_with_one_gap_and_keeps_its_label()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var loose = Generator(AppearanceSpec.Plain with { LooseGap = 1, LooseGapHyphen = 0 });
        var split = 0;
        for (var i = 0; i < 12; i++)
        {
            using var a = plain.Generate("us", null, 5, i, fix: Fix);
            using var b = loose.Generate("us", null, 5, i, fix: Fix);
            Assert.Equal(a.Text, b.Text);
            Assert.Equal(a.Corners, b.Corners);
            if (a.Text.Text.Any(c => c is ' ' or '-'))
            {
                Assert.Equal(a.Text.Text, b.Drawn);
                continue;
            }
            split++;
            Assert.Equal(1, b.Drawn.Count(c => c == ' '));
            Assert.DoesNotContain('-', b.Drawn);
            Assert.False(b.Drawn.StartsWith(' ') || b.Drawn.EndsWith(' '), b.Drawn);
            Assert.Equal(b.Text.Compact, b.Drawn.Replace(" ", ""));
            Assert.NotEqual(Bytes(a), Bytes(b));

            var (style, typeface) = (b.Text.Template.Plate, b.Text.Template.Typeface);
            var layout = PlateLayout.Create(b.Text with { Text = b.Drawn }, style, typeface);
            Assert.Equal(b.Text.Compact, string.Concat(layout.Glyphs.Select(g => g.Char)));
            Assert.Equal(GapKind.Space, Assert.Single(layout.Gaps).Kind);
        }
        Assert.InRange(split, 3, 12);
    }

    [Fact]
    public void Texts_with_gaps_are_left_as_they_are()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var loose = Generator(AppearanceSpec.Plain with { LooseGap = 1, LooseGapHyphen = 0.5 });
        for (var i = 0; i < 4; i++)
        {
            using var a = plain.Generate("de", null, 5, i, fix: Fix);
            using var b = loose.Generate("de", null, 5, i, fix: Fix);
            Assert.Equal((a.Text, a.Drawn), (b.Text, b.Drawn));
            Assert.Equal(Bytes(a), Bytes(b));
        }
    }

    [Fact]
    public void The_hyphen_share_is_drawn_as_given()
    {
        using var plain = Generator(AppearanceSpec.Plain);
        using var loose = Generator(AppearanceSpec.Plain with { LooseGap = 1, LooseGapHyphen = 0.25 });
        var (hyphens, spaces) = (0, 0);
        for (var i = 0; i < 240; i++)
        {
            using var a = plain.Generate("us", null, 9, i, fix: Fix);
            if (a.Text.Text.Any(c => c is ' ' or '-')) continue;
            using var b = loose.Generate("us", null, 9, i, fix: Fix);
            if (b.Drawn.Contains('-')) hyphens++;
            if (b.Drawn.Contains(' ')) spaces++;
        }
        Assert.True(hyphens + spaces > 60, $"only {hyphens + spaces} gapless US texts of 240");
        Assert.InRange(hyphens / (double)(hyphens + spaces), 0.12, 0.38);
    }
}
