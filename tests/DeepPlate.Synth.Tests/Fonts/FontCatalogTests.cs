using SkiaSharp;

namespace DeepPlate.Synth.Tests.Fonts;

public sealed class FontCatalogTests
{
    // From fonts-dejavu-core, which scripts/setup installs.
    private const string DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    [Fact]
    public void An_override_loads_a_real_ttf_under_the_id()
    {
        using var catalog = new FontCatalog(new Dictionary<string, string> { ["fe-schrift"] = DejaVuSans }, useEnvironment: false);
        var font = catalog.Get("fe-schrift");
        var ttf = Assert.IsType<TrueTypePlateFont>(font);
        Assert.Equal("fe-schrift", ttf.Id);
        Assert.Equal("DejaVu Sans", ttf.FamilyName);
        Assert.Equal(DejaVuSans, ttf.FilePath);
        var h = font.InkBounds('H');
        Assert.InRange(h.Top, -0.002f, 0.002f);
        Assert.InRange(h.Bottom, 0.998f, 1.002f);
        Assert.True(font.Has('Ä') && font.Has('0'));
    }

    [Theory]
    [InlineData("maker-narrow-light", "fr-plate")]
    [InlineData("maker-grotesque-light", "maker-grotesque")]
    [InlineData("maker-condensed-light", "maker-condensed")]
    [InlineData("maker-humanist-light", "maker-humanist")]
    public void A_light_makers_face_draws_thinner_strokes_than_its_bold_cut(string light, string bold)
    {
        using var catalog = new FontCatalog(useEnvironment: false);
        // The stem of I, as a share of the cap height: the stroke weight, whatever the letter's width.
        var (thin, heavy) = (StemWidth(catalog.Get(light)), StemWidth(catalog.Get(bold)));
        Assert.True(thin < 0.8 * heavy, $"{light}'s stem is {thin:F3} of the cap height, {bold}'s {heavy:F3}");
    }

    // Glyphs are scaled to a cap height of 1; the ink of I at 200 px, counted along its middle row.
    private static double StemWidth(PlateFont font)
    {
        const int size = 200;
        using var bitmap = new SKBitmap(size, size, SKColorType.Gray8, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        using (var path = font.Glyph('I'))
        using (var paint = new SKPaint { Color = SKColors.White, IsAntialias = true })
        {
            canvas.Clear(SKColors.Black);
            canvas.Translate(size / 4f, 0);
            canvas.Scale(size, size);
            canvas.DrawPath(path, paint);
        }
        var ink = 0.0;
        for (var x = 0; x < size; x++) ink += bitmap.GetPixel(x, size / 2).Red / 255.0;
        return ink / size;
    }

    [Fact]
    public void An_override_may_name_an_id_that_is_not_built_in()
    {
        using var catalog = FontCatalog.FromSpecs(["my-font=" + DejaVuSans], useEnvironment: false);
        Assert.True(catalog.Knows("my-font"));
        Assert.Contains("my-font", catalog.Ids);
        Assert.True(catalog.Get("my-font").Has('Z'));
    }

    [Fact]
    public void A_missing_override_file_is_a_clear_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "deepplate-no-such-font.ttf");
        var e = Assert.Throws<FileNotFoundException>(() =>
            new FontCatalog(new Dictionary<string, string> { ["charles-wright"] = missing }, useEnvironment: false));
        Assert.Contains("charles-wright", e.Message);
        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_font_is_a_clear_error()
    {
        var notFont = Path.Combine(Path.GetTempPath(), $"deepplate-not-a-font-{Guid.NewGuid():N}.ttf");
        File.WriteAllText(notFont, "not a font");
        try
        {
            using var catalog = new FontCatalog(new Dictionary<string, string> { ["x"] = notFont }, useEnvironment: false);
            var e = Assert.Throws<InvalidDataException>(() => catalog.Get("x"));
            Assert.Contains(notFont, e.Message);
        }
        finally
        {
            File.Delete(notFont);
        }
    }

    [Fact]
    public void Override_specs_parse_and_malformed_ones_are_rejected()
    {
        var pairs = FontCatalog.ParseOverrides(" fe-schrift=/a/b.ttf ; us-flat = /c d/e.otf;; ");
        Assert.Equal([new("fe-schrift", "/a/b.ttf"), new("us-flat", "/c d/e.otf")], pairs);
        Assert.Throws<ArgumentException>(() => FontCatalog.ParseOverrides("fe-schrift"));
        Assert.Throws<ArgumentException>(() => FontCatalog.ParseOverrides("=/a.ttf"));
        Assert.Throws<ArgumentException>(() => FontCatalog.ParseOverrides("fe-schrift="));
    }

    [Fact]
    public void The_environment_variable_adds_overrides_and_the_constructor_wins()
    {
        // An id no other test uses, so a concurrent FontCatalog.Default picking it up does no harm.
        using var variable = new TemporaryVariable(FontCatalog.EnvironmentVariable, $"zz-env-test={DejaVuSans};zz-env-other={DejaVuSans}");
        using var catalog = new FontCatalog(new Dictionary<string, string> { ["zz-env-other"] = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf" });
        Assert.Equal(DejaVuSans, catalog.Overrides["zz-env-test"]);
        Assert.EndsWith("DejaVuSans-Bold.ttf", catalog.Overrides["zz-env-other"]);
        Assert.True(catalog.Get("zz-env-test").Has('A'));
        using var without = new FontCatalog(useEnvironment: false);
        Assert.False(without.Knows("zz-env-test"));
    }

    [Fact]
    public void An_unknown_id_names_the_known_ones_and_the_way_to_add_it()
    {
        using var catalog = new FontCatalog(useEnvironment: false);
        var e = Assert.Throws<FontUnavailableException>(() => catalog.Get("no-such-font"));
        Assert.Contains("fe-schrift", e.Message);
        Assert.Contains(FontCatalog.EnvironmentVariable, e.Message);
    }

    [Fact]
    public void A_missing_debian_font_names_its_package_and_is_never_substituted()
    {
        var source = new FontSource("zz-test", FontOrigin.Debian, "/usr/share/fonts/truetype/zz/none.ttf", "fonts-zz-not-a-package", "nothing");
        Assert.Null(FontCatalog.LocateDebianFile(source));
        var e = Assert.Throws<FontUnavailableException>(() => FontCatalog.OpenDebian(source));
        Assert.Contains("fonts-zz-not-a-package", e.Message);
        Assert.Contains("apt-get install", e.Message);
    }

    [Fact]
    public void Every_debian_font_of_the_table_is_installed()
    {
        // scripts/setup installs them; this names what is missing.
        var missing = FontCatalog.Builtin.Where(s => s.Origin == FontOrigin.Debian && FontCatalog.LocateDebianFile(s) is null)
            .Select(s => $"{s.Id} ({s.Package})").ToList();
        Assert.True(missing.Count == 0, "not installed: " + string.Join(", ", missing));
    }

    [Fact]
    public void Fonts_are_loaded_once_and_shared()
    {
        using var catalog = new FontCatalog(useEnvironment: false);
        Assert.Same(catalog.Get("fe-schrift"), catalog.Get("fe-schrift"));
        Assert.Same(catalog.Get("us-flat"), catalog.For(Formats.FormatRegistry.Default.Country("us").Typeface));
    }

    [Fact]
    public void Glyphs_are_safe_to_ask_for_from_many_threads()
    {
        using var catalog = new FontCatalog(useEnvironment: false);
        var ids = new[] { "fe-schrift", "charles-wright", "din-1451", "us-flat" };
        var widths = new System.Collections.Concurrent.ConcurrentBag<(string, char, float)>();
        Parallel.For(0, 400, i =>
        {
            var font = catalog.Get(ids[i % ids.Length]);
            var c = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"[i % 33];
            using var g = font.Glyph(c);
            widths.Add((font.Id, c, g.TightBounds.Width));
        });
        foreach (var group in widths.GroupBy(w => (w.Item1, w.Item2)))
        {
            Assert.Single(group.Select(w => w.Item3).Distinct());
        }
    }

    [Fact]
    public void A_glyph_is_a_copy_the_caller_may_change_and_dispose()
    {
        using var catalog = new FontCatalog(useEnvironment: false);
        var font = catalog.Get("charles-wright");
        var before = font.InkBounds('A');
        using (var g = font.Glyph('A'))
        {
            g.Transform(SkiaSharp.SKMatrix.CreateScale(10, 10));
        }
        Assert.Equal(before, font.InkBounds('A'));
        Assert.Throws<MissingGlyphException>(() => font.Glyph('ß'));
    }
}
