using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth.Tests.Generation;

public sealed class SpecimenSheetTests
{
    private static readonly FontCatalog Fonts = new(useEnvironment: false);

    public static TheoryData<string> Countries()
    {
        var data = new TheoryData<string>();
        foreach (var c in FormatRegistry.Default.Countries) data.Add(c.Code);
        return data;
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public void Every_template_has_an_example_of_its_own_for_the_sheet(string country)
    {
        var templates = SpecimenSheet.Templates(FormatRegistry.Default.Country(country));
        Assert.NotEmpty(templates);
        foreach (var t in templates)
        {
            var text = SpecimenSheet.ExampleText(FormatRegistry.Default, t);
            Assert.Same(t, text.Template);
            Assert.True(FormatRegistry.Default.Check(country, text.Text, t.State, t.Id).IsValid, $"{t.QualifiedId}: {text.Text}");
        }
    }

    [Fact]
    public void A_sheet_shows_the_characters_and_every_look_of_every_template()
    {
        using var sheet = SpecimenSheet.Render(FormatRegistry.Default, Fonts, "se");
        Assert.Equal(1120, sheet.Width);
        // Sweden: 2 templates with 2 looks each, two to a row, under the header and the typeface chart.
        var chart = (int)Math.Ceiling(44 * 1.5) * 2;
        Assert.True(sheet.Height > chart + 2 * 110, $"height {sheet.Height}");
        // The plates are drawn: their EU bands' blue shows.
        var blue = 0;
        for (var y = 0; y < sheet.Height; y += 2)
            for (var x = 0; x < sheet.Width; x += 2)
                if (sheet.GetPixel(x, y) is { Blue: > 120, Red: < 40 }) blue++;
        Assert.True(blue > 1000, $"{blue} band pixels");
    }

    [Fact]
    public void The_dense_layout_keeps_the_us_sheet_small()
    {
        var file = Path.Combine(Path.GetTempPath(), $"deepplate-us-{Guid.NewGuid():N}.png");
        try
        {
            var bytes = SpecimenSheet.SavePng(FormatRegistry.Default, Fonts, "us", file);
            Assert.InRange(bytes, 100_000, 900_000);
            using var decoded = SKBitmap.Decode(file);
            Assert.Equal(1120, decoded.Width);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
