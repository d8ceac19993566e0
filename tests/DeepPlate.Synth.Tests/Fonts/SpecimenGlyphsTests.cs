using SkiaSharp;

namespace DeepPlate.Synth.Tests.Fonts;

public sealed class SpecimenGlyphsTests
{
    private static readonly FontCatalog Catalog = new(useEnvironment: false);

    public static TheoryData<string> BuiltinIds()
    {
        var data = new TheoryData<string>();
        foreach (var s in FontCatalog.Builtin) data.Add(s.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(BuiltinIds))]
    public void A_chart_shows_every_glyph_in_its_cell(string id)
    {
        var font = Catalog.Get(id);
        var chars = SpecimenGlyphs.DefaultChars.Where(font.Has).ToList();
        using var bitmap = SpecimenGlyphs.Render(font, capPx: 40, columns: 13);
        var cellW = (int)Math.Ceiling(40 * 1.3);
        var cellH = (int)Math.Ceiling(40 * 1.5);
        Assert.Equal(cellH * ((chars.Count + 12) / 13), bitmap.Height);
        for (var i = 0; i < chars.Count; i++)
        {
            var dark = 0;
            for (var y = i / 13 * cellH; y < (i / 13 + 1) * cellH; y++)
            {
                for (var x = i % 13 * cellW; x < (i % 13 + 1) * cellW; x++)
                {
                    var p = bitmap.GetPixel(x, y);
                    if (p.Red < 80 && p.Green < 80 && p.Blue < 80) dark++;
                }
            }
            Assert.True(dark > 40, $"{id} '{chars[i]}': {dark} ink pixels");
        }

        // DEEPPLATE_SPECIMEN_DIR=/tmp/specimens keeps the charts to look at.
        if (Environment.GetEnvironmentVariable("DEEPPLATE_SPECIMEN_DIR") is { Length: > 0 } dir)
        {
            SpecimenGlyphs.SavePng(font, Path.Combine(dir, id + ".png"));
        }
    }

    [Fact]
    public void A_chart_is_written_as_png()
    {
        var file = Path.Combine(Path.GetTempPath(), $"deepplate-specimen-{Guid.NewGuid():N}.png");
        try
        {
            SpecimenGlyphs.SavePng(Catalog.Get("charles-wright"), file, "AB12", capPx: 30);
            using var decoded = SKBitmap.Decode(file);
            Assert.Equal(4 * (int)Math.Ceiling(30 * 1.3), decoded.Width);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
