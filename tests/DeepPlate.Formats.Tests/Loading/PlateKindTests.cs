namespace DeepPlate.Formats.Tests.Loading;

/// <summary>The layout kinds of the <c>plate</c> object (band content, seals, header): read from the data, defaulted, refused when unknown.</summary>
public sealed class PlateKindTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-kinds-").FullName;

    private const string Country = """
        {
          "code": "xx", "name": "Testland",
          "plate": { "widthMm": 520, "heightMm": 110, "background": "#FFFFFF", "text": "#000000", PLATE },
          "typeface": { "name": "Test", "font": "test", "heightMm": 75, "widthMm": 45 },
          "templates": [ { "id": "main", "name": "Main", "pattern": "LL_DDD", "example": "AB 123", "status": "current", "weight": 1, "source": "test" } ]
        }
        """;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private PlateStyle Load(string plate)
    {
        File.WriteAllText(Path.Combine(dir, "xx.jsonc"), Country.Replace("PLATE", plate));
        return FormatRegistry.Load(dir).Country("xx").Plate;
    }

    [Fact]
    public void Kinds_are_read_and_reach_variants_and_templates()
    {
        var plate = Load("""
            "band": { "code": "T" }, "rightBand": { "content": "territorial" }, "seals": "plaque-and-seal", "header": "none",
            "variants": [ { "name": "a", "weight": 1 }, { "name": "b", "weight": 1, "rightBand": { "content": "year" } } ]
            """);
        Assert.Equal(BandContent.Code, plate.Band!.Content);
        Assert.Equal(BandContent.Territorial, plate.RightBand!.Content);
        Assert.Equal(SealKind.PlaqueAndSeal, plate.Seals);
        Assert.Equal(HeaderKind.None, plate.Header);
        Assert.All(plate.Variants, v => Assert.Equal(SealKind.PlaqueAndSeal, v.Style.Seals));
        Assert.Equal(BandContent.Year, plate.Variants[1].Style.RightBand!.Content);
    }

    [Fact]
    public void Without_kinds_a_band_shows_its_code_or_nothing_a_seal_gap_holds_a_sticker_and_a_states_plate_its_name()
    {
        var plate = Load("""
            "band": { "code": "T" }, "rightBand": { "widthMm": 40 }
            """);
        Assert.Equal(BandContent.Code, plate.Band!.Content);
        Assert.Equal(BandContent.Plain, plate.RightBand!.Content);
        Assert.Equal(SealKind.Sticker, plate.Seals);
        Assert.Equal(HeaderKind.StateName, plate.Header);
    }

    [Theory]
    [InlineData("\"seals\": \"sealed\"", "plate.seals", "plaque-and-seal")]
    [InlineData("\"header\": \"state\"", "plate.header", "state-name")]
    [InlineData("\"band\": { \"content\": \"stars\" }", "plate.band.content", "territorial")]
    [InlineData("\"band\": { \"content\": \"code\" }", "plate.band.content", "needs the band's code")]
    [InlineData("\"band\": { \"code\": \"T\", \"content\": \"year\" }", "plate.band.content", "only \"content\": \"code\"")]
    public void An_unknown_or_contradictory_kind_names_its_key(string plate, string key, string problem)
    {
        var e = Assert.Throws<FormatFileException>(() => Load(plate));
        Assert.Equal(key, e.Key);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void The_eight_countries_say_what_their_bands_and_seal_gaps_hold()
    {
        var formats = FormatRegistry.Default;
        Assert.Equal(SealKind.PlaqueAndSeal, formats.Country("de").Plate.Seals);
        Assert.Equal(SealKind.Sticker, formats.Country("se").Plate.Seals);
        Assert.Equal(BandContent.Territorial, formats.Country("fr").Plate.RightBand!.Content);
        Assert.Equal(BandContent.Year, formats.Country("it").Plate.RightBand!.Content);
        Assert.All(formats.Countries.Select(c => c.Plate.Band).OfType<BandStyle>(), b => Assert.Equal(BandContent.Code, b.Content));
        Assert.Equal(HeaderKind.StateName, formats.Country("us").Plate.Header);
    }
}
