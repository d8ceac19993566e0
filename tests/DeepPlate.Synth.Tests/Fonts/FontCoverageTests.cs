using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Fonts;

/// <summary>
/// Every character any template of any country (and US state) can put on a plate exists in the font that template
/// draws with, with ink of a sane size and place.
/// </summary>
public sealed class FontCoverageTests
{
    private static readonly FontCatalog Catalog = new(useEnvironment: false);

    /// <summary>font id → every character the templates drawing with it can contain, and one template naming it.</summary>
    private static Dictionary<string, (SortedSet<char> Chars, string Example)> Needs()
    {
        var needs = new Dictionary<string, (SortedSet<char> Chars, string Example)>(StringComparer.Ordinal);
        foreach (var country in FormatRegistry.Default.Countries)
        {
            var templates = country.Templates.Concat(country.States.SelectMany(s => s.Templates))
                .DistinctBy(t => t.QualifiedId);
            foreach (var t in templates)
            {
                var id = t.Typeface.Font;
                if (!needs.TryGetValue(id, out var entry))
                {
                    entry = ([], $"{country.Code}/{t.QualifiedId}");
                    needs[id] = entry;
                }
                entry.Chars.UnionWith(t.Alphabet.Chars);
            }
        }
        return needs;
    }

    public static TheoryData<string> UsedFontIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Needs().Keys.Order(StringComparer.Ordinal)) data.Add(id);
        return data;
    }

    [Fact]
    public void Every_font_id_the_formats_use_is_built_in()
    {
        var unknown = Needs().Keys.Where(id => FontCatalog.Builtin.All(s => s.Id != id)).ToList();
        Assert.True(unknown.Count == 0, "font ids in formats/data without a font: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(UsedFontIds))]
    public void Every_character_a_template_can_contain_has_ink_in_its_font(string id)
    {
        var (chars, example) = Needs()[id];
        var font = Catalog.Get(id);
        var problems = new List<string>();
        foreach (var c in chars)
        {
            if (!font.Has(c))
            {
                problems.Add($"'{c}' missing");
                continue;
            }
            var ink = font.InkBounds(c);
            using var glyph = font.Glyph(c);
            if (glyph.IsEmpty || ink.Width <= 0.02f || ink.Height <= 0.02f) problems.Add($"'{c}' has no ink");
            // Caps and digits fill most of the cap height; umlaut dots may rise above it, a Q's tail drop below.
            if (ink.Height < 0.8f || ink.Height > 1.45f) problems.Add($"'{c}' ink height {ink.Height:0.###}");
            if (ink.Top < -0.4f || ink.Top > 0.12f) problems.Add($"'{c}' ink top {ink.Top:0.###}");
            if (ink.Bottom < 0.95f || ink.Bottom > 1.25f) problems.Add($"'{c}' ink bottom {ink.Bottom:0.###}");
            if (ink.Width > 1.3f) problems.Add($"'{c}' ink width {ink.Width:0.###}");
            if (MathF.Abs(ink.Left + ink.Right) > 0.002f) problems.Add($"'{c}' not centred ({ink.Left:0.###}..{ink.Right:0.###})");
        }
        Assert.True(problems.Count == 0, $"font '{id}' ({font.Source}), needed by e.g. {example}: {string.Join("; ", problems)}");
    }

    [Theory]
    [MemberData(nameof(UsedFontIds))]
    public void H_spans_the_cap_height_and_is_centred(string id)
    {
        var ink = Catalog.Get(id).InkBounds('H');
        Assert.InRange(ink.Top, -0.005f, 0.005f);
        Assert.InRange(ink.Bottom, 0.995f, 1.005f);
        Assert.InRange(ink.Left + ink.Right, -0.001f, 0.001f);
        Assert.InRange(ink.Width, 0.2f, 1.2f);
    }

    private static int Contours(SkiaSharp.SKPath path)
    {
        using var iterator = path.CreateRawIterator();
        Span<SkiaSharp.SKPoint> points = stackalloc SkiaSharp.SKPoint[4];
        var count = 0;
        SkiaSharp.SKPathVerb verb;
        while ((verb = iterator.Next(points)) != SkiaSharp.SKPathVerb.Done) if (verb == SkiaSharp.SKPathVerb.Move) count++;
        return count;
    }

    [Fact]
    public void German_district_codes_with_umlauts_are_drawable()
    {
        var de = FormatRegistry.Default.Country("de");
        var umlauts = de.Templates.SelectMany(t => t.Alphabet.Chars).Where(c => c is 'Ä' or 'Ö' or 'Ü').Distinct().ToList();
        Assert.Equal(3, umlauts.Count);
        foreach (var font in new[] { Catalog.Get("fe-schrift"), Catalog.Get("din-1451") })
        {
            foreach (var c in umlauts)
            {
                Assert.True(font.Has(c), $"{font.Id} lacks {c}");
                var ink = font.InkBounds(c);
                var body = font.InkBounds((char)(c switch { 'Ä' => 'A', 'Ö' => 'O', _ => 'U' }));
                Assert.True(ink.Height >= body.Height * 0.98f, $"{font.Id} {c}: the dots add no height");
                // Two dots are two more contours than the bare letter (OSP-DIN's own Ö is a plain O).
                using var umlaut = font.Glyph(c);
                using var bare = font.Glyph((char)(c switch { 'Ä' => 'A', 'Ö' => 'O', _ => 'U' }));
                Assert.True(Contours(umlaut) >= Contours(bare) + 2, $"{font.Id} {c}: {Contours(umlaut)} contours, the bare letter {Contours(bare)}: no dots");
            }
        }
    }
}
