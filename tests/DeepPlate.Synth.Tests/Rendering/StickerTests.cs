using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Rendering;

public sealed class StickerTests
{
    [Fact]
    public void Stickers_sit_in_the_top_corners_above_every_us_states_characters()
    {
        var us = FormatRegistry.Default.Country("us");
        var seen = 0;
        foreach (var state in us.States)
        {
            var text = FormatRegistry.Default.SampleAt("us", 5, 0, state.Code);
            var style = text.Template.Plate;
            // The header's room as the renderer keeps it: a fifth of the plate.
            var layout = PlateLayout.Create(text, style, text.Template.Typeface, style.HeightMm * 0.2);
            for (ulong seed = 1; seed <= 20; seed++)
            {
                foreach (var sticker in Sticker.From(seed, [0.1, 0.3]))
                {
                    if (sticker.Box(style.WidthMm, style.HeightMm, layout.TextTopMm) is not var (x, y, w, h)) continue;
                    seen++;
                    Assert.True(y + h < layout.TextTopMm, $"{state.Code}: a sticker reaching {y + h:F1} mm, characters from {layout.TextTopMm:F1} mm");
                    Assert.True(x >= 0 && x + w <= style.WidthMm, $"{state.Code}: a sticker from {x:F1} to {x + w:F1} mm");
                    Assert.True(sticker.Left ? x < style.WidthMm / 4 : x + w > style.WidthMm * 3 / 4, $"{state.Code}: not in its corner");
                }
            }
        }
        Assert.True(seen > 500, $"{seen} stickers placed");
    }

    [Fact]
    public void A_sticker_is_a_month_or_a_year()
    {
        var texts = Enumerable.Range(1, 200).SelectMany(i => Sticker.From((ulong)i, [0.1, 0.17])).Select(s => s.Text).ToList();
        Assert.All(texts, t => Assert.Matches("^([A-Z]{3}|[0-9]{2})$", t));
        Assert.Contains(texts, t => char.IsAsciiDigit(t[0]));
        Assert.Contains(texts, t => char.IsAsciiLetter(t[0]));
    }
}
