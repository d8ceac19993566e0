namespace DeepPlate.Synth.Tests.Fonts;

public sealed class OutlinePlateFontTests
{
    private static readonly FontCatalog Catalog = new(useEnvironment: false);

    private static OutlinePlateFont Fe => Assert.IsType<OutlinePlateFont>(Catalog.Get("fe-schrift"));

    private static OutlinePlateFont Cw => Assert.IsType<OutlinePlateFont>(Catalog.Get("charles-wright"));

    [Fact]
    public void FE_has_the_letters_digits_and_umlauts()
    {
        foreach (var c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ÄÖÜ") Assert.True(Fe.Has(c), $"FE lacks {c}");
        Assert.Equal(75f, Fe.CapHeightMm);
    }

    [Fact]
    public void Charles_Wright_has_the_letters_and_digits()
    {
        foreach (var c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") Assert.True(Cw.Has(c), $"CW lacks {c}");
        Assert.Equal(79f, Cw.CapHeightMm);
    }

    [Fact]
    public void FE_proportions_follow_the_Mittelschrift_figures()
    {
        // 75 mm high, letters 47.5 mm, digits 44.5 mm: H and 0 fill those widths exactly.
        Assert.Equal(47.5f / 75f, Fe.InkBounds('H').Width, 0.002f);
        Assert.Equal(44.5f / 75f, Fe.InkBounds('0').Width, 0.002f);
        Assert.Equal(47.5f, Fe.WidthMm('A'));
        Assert.Equal(44.5f, Fe.WidthMm('7'));
    }

    [Fact]
    public void Charles_Wright_proportions_follow_the_prescribed_figures()
    {
        // 79 × 50 mm, stroke 14 mm; 1 and I narrower.
        var h = Cw.InkBounds('H');
        Assert.Equal(50f / 79f, h.Width, 0.002f);
        Assert.Equal(50f / 79f, Cw.InkBounds('0').Width, 0.002f);
        Assert.Equal(14f / 79f, Cw.InkBounds('I').Width, 0.002f);
        Assert.True(Cw.InkBounds('1').Width < h.Width * 0.7f);
    }

    [Fact]
    public void FE_zero_and_O_differ_and_the_zero_has_its_notch()
    {
        var zero = Fe.InkBounds('0');
        var o = Fe.InkBounds('O');
        Assert.True(o.Width > zero.Width, "the O is wider than the 0");
        // The notch: a point inside the upper right of the 0's stroke is white, the mirrored upper left is ink.
        using var g = Fe.Glyph('0');
        var probe = new SkiaSharp.SKPoint((34.08f - 22.25f) / 75f, 11f / 75f); // on the cut, mid-stroke
        Assert.False(g.Contains(probe.X, probe.Y), "no notch at the upper right of the 0");
        Assert.True(g.Contains(-probe.X, probe.Y), "the 0's stroke at the upper left is missing");
    }

    [Fact]
    public void FE_umlauts_stay_within_the_character_height()
    {
        foreach (var c in "ÄÖÜ")
        {
            var ink = Fe.InkBounds(c);
            Assert.InRange(ink.Top, -0.001f, 0.001f);
            Assert.InRange(ink.Bottom, 0.999f, 1.001f);
        }
    }

    [Fact]
    public void A_malformed_outline_file_is_rejected_with_the_glyph_named()
    {
        var file = Path.Combine(Path.GetTempPath(), $"deepplate-bad-outline-{Guid.NewGuid():N}.jsonc");
        try
        {
            // Ink outside the cell (the stroke reaches x = 25 in a 20 mm cell).
            File.WriteAllText(file, """
                // a test font
                { "id": "bad", "name": "bad", "capHeight": 10, "stroke": 2,
                  "glyphs": { "H": { "width": 20, "strokes": [ "M 1 0 V 10", "M 1 5 H 24" ] } } }
                """);
            var e = Assert.Throws<InvalidDataException>(() => OutlinePlateFont.Load(file));
            Assert.Contains("'H'", e.Message);

            File.WriteAllText(file, """{ "id": "bad", "name": "bad", "capHeight": 10, "stroke": 2, "glyphs": { "H": { "width": 20 } } }""");
            Assert.Throws<InvalidDataException>(() => OutlinePlateFont.Load(file));

            File.WriteAllText(file, """{ "id": "bad", "name": "bad", "capHeight": 10, "stroke": 2, "glyphs": { "H": { "width": 20, "strokes": [ "not a path" ] } } }""");
            Assert.Throws<InvalidDataException>(() => OutlinePlateFont.Load(file));
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Throws<FileNotFoundException>(() => OutlinePlateFont.Load(file));
    }

    [Fact]
    public void Cuts_clip_and_flips_work()
    {
        var file = Path.Combine(Path.GetTempPath(), $"deepplate-outline-{Guid.NewGuid():N}.jsonc");
        try
        {
            File.WriteAllText(file, """
                { "id": "t", "name": "t", "capHeight": 10, "stroke": 2, "clip": true,
                  "glyphs": {
                    "H": { "width": 8, "strokes": [ "M 1 -5 V 15", "M 7 -5 V 15", "M 1 5 H 7" ] },
                    "L": { "width": 8, "strokes": [ "M 1 -5 V 15", "M 0 9 H 6" ] },
                    "J": { "width": 8, "from": "L", "flip": "x" },
                    "O": { "width": 8, "fills": [ "M 0 0 H 8 V 10 H 0 Z" ], "cuts": [ "M 2 2 H 6 V 8 H 2 Z" ] }
                  } }
                """);
            var font = OutlinePlateFont.Load(file);
            var h = font.InkBounds('H');
            Assert.Equal(0f, h.Top, 0.001f);
            Assert.Equal(1f, h.Bottom, 0.001f);
            Assert.Equal(0.8f, h.Width, 0.001f);
            using var j = font.Glyph('J');
            Assert.True(j.Contains(0.2f, 0.5f));    // the flipped stem is on the right (ink x 2..8, centre 5)
            Assert.False(j.Contains(-0.2f, 0.5f));
            using var o = font.Glyph('O');
            Assert.False(o.Contains(0, 0.5f));       // the cut counter
            Assert.True(o.Contains(-0.3f, 0.5f));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
