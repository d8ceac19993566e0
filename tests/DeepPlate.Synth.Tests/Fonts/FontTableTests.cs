using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Fonts;

/// <summary>The font table as data (fonts/catalog.jsonc) and a researcher's table added over it.</summary>
public sealed class FontTableTests : IDisposable
{
    // From fonts-dejavu-core, which scripts/setup installs.
    private const string DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-font-table-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string fonts, string name = FontTable.FileName)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, "// a researcher's table\n{ \"fonts\": [ " + fonts + " ] }");
        return path;
    }

    [Fact]
    public void The_shipped_table_has_the_own_outlines_and_the_debian_fonts()
    {
        var table = FontCatalog.Builtin;
        Assert.Equal("fe-schrift", table[0].Id);
        var fe = table[0];
        Assert.Equal(FontOrigin.Outline, fe.Origin);
        Assert.True(File.Exists(fe.File), fe.File);
        var nl = Assert.Single(table, s => s.Id == "nl-kenteken");
        Assert.Equal((FontOrigin.Debian, "fonts-adf-gillius", "J"), (nl.Origin, nl.Package, nl.FitToCap));
        using var catalog = new FontCatalog(useEnvironment: false);
        Assert.IsType<OutlinePlateFont>(catalog.Get("charles-wright"));
    }

    [Fact]
    public void The_makers_faces_are_flagged_and_no_format_names_one()
    {
        var makers = FontCatalog.Builtin.Where(s => s.Maker).Select(s => s.Id).ToList();
        Assert.Equal(["maker-grotesque", "maker-condensed", "maker-highway", "maker-humanist",
            "maker-narrow-light", "maker-grotesque-light", "maker-condensed-light", "maker-humanist-light"], makers);
        var named = FormatRegistry.Default.Countries
            .SelectMany(c => c.Templates.Concat(c.States.SelectMany(s => s.Templates)))
            .Select(t => t.Typeface.Font).ToHashSet();
        Assert.Empty(named.Intersect(makers));
        // The countries' typefaces come first, in their old order: the swap's stream for them is as it was.
        Assert.All(FontCatalog.Builtin.Take(FontCatalog.Builtin.Count - makers.Count), s => Assert.False(s.Maker));
    }

    [Fact]
    public void A_researchers_table_adds_a_font_file_relative_to_itself_and_replaces_an_id()
    {
        File.Copy(DejaVuSans, Path.Combine(dir, "own.ttf"));
        var extra = FontTable.Load(Write("""
            { "id": "zz-own", "file": "own.ttf", "approximates": "a made-up plate alphabet" },
            { "id": "se-plate", "file": "own.ttf", "approximates": "a better Swedish match", "fitToCap": "J" },
            """));
        var merged = FontTable.Merge(FontCatalog.Builtin, extra);
        Assert.Equal([.. FontCatalog.Builtin.Select(s => s.Id), "zz-own"], merged.Select(s => s.Id));
        Assert.Equal("a better Swedish match", merged.Single(s => s.Id == "se-plate").Approximates);

        using var catalog = new FontCatalog(table: merged, useEnvironment: false);
        var own = Assert.Single(catalog.Table, s => s.Id == "zz-own");
        Assert.Equal((FontOrigin.File, Path.Combine(dir, "own.ttf")), (own.Origin, own.File));
        Assert.Equal("DejaVu Sans", Assert.IsType<TrueTypePlateFont>(catalog.Get("zz-own")).FamilyName);
        Assert.Contains("zz-own", catalog.Ids);
    }

    [Fact]
    public void The_environment_names_a_table_file_or_its_folder()
    {
        Write($$"""{ "id": "zz-env-table", "file": "{{DejaVuSans}}", "approximates": "test" }""");
        // An id no other test uses, so a concurrent FontCatalog.Default picking it up does no harm.
        foreach (var value in new[] { dir, Path.Combine(dir, FontTable.FileName) })
        {
            using var variable = new TemporaryVariable(FontTable.ExtraVariable, value);
            using var catalog = new FontCatalog();
            Assert.True(catalog.Get("zz-env-table").Has('A'));
            using var without = new FontCatalog(useEnvironment: false);
            Assert.False(without.Knows("zz-env-table"));
        }
    }

    [Theory]
    [InlineData("""{ "id": "a", "approximates": "x" }""", "fonts[0]", "one of \"outline\" and \"file\"")]
    [InlineData("""{ "id": "a", "outline": "a.jsonc", "file": "a.ttf", "approximates": "x" }""", "fonts[0]", "one of")]
    [InlineData("""{ "id": "a", "outline": "a.jsonc", "package": "p", "approximates": "x" }""", "fonts[0].package", "belongs to")]
    [InlineData("""{ "id": "a", "file": "a.ttf" }""", "fonts[0].approximates", "is required")]
    [InlineData("""{ "id": "a", "file": "a.ttf", "approximates": "x", "fitTocap": "J" }""", "fonts[0].fitTocap", "unknown key")]
    [InlineData("""{ "id": "a", "file": "a.ttf", "approximates": "x" }, { "id": "a", "file": "b.ttf", "approximates": "y" }""", "fonts", "listed twice")]
    [InlineData("""{ "id": "a", "file": "a.ttf", "approximates": "x", "maker": "yes" }""", "fonts[0].maker", "true or false")]
    public void A_malformed_table_names_the_key(string fonts, string key, string problem)
    {
        var e = Assert.Throws<FormatFileException>(() => FontTable.Load(Write(fonts)));
        Assert.Equal(key, e.Key);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void A_table_font_whose_file_is_missing_is_a_clear_error()
    {
        using var catalog = new FontCatalog(table: FontTable.Load(Write("""{ "id": "zz-gone", "file": "gone.ttf", "approximates": "x" }""")), useEnvironment: false);
        var e = Assert.Throws<FontUnavailableException>(() => catalog.Get("zz-gone"));
        Assert.Contains(Path.Combine(dir, "gone.ttf"), e.Message);
    }
}
