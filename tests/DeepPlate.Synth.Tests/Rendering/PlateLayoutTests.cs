using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Rendering;

/// <summary>Spread serials (appearance.jsonc "spread"): the room beside a short text goes into its gaps, from none
/// (centred as set) to all of it (from margin to margin); a text that fills its plate is left as it is.</summary>
public sealed class PlateLayoutTests
{
    private static PlateText Short() => Enumerable.Range(0, 400).Select(i => FormatRegistry.Default.SampleAt("us", 3, i))
        .First(t => t.Compact.Length <= 5);

    private static (double Left, double Right) Ink(PlateLayout l) =>
        (l.Glyphs[0].CentreXMm - l.Glyphs[0].CellWidthMm / 2, l.Glyphs[^1].CentreXMm + l.Glyphs[^1].CellWidthMm / 2);

    [Fact]
    public void Spread_zero_is_the_centred_layout_and_one_reaches_both_margins()
    {
        var text = Short();
        var (plate, typeface) = (text.Template.Plate, text.Template.Typeface);
        Assert.Equal(PlateLayout.Create(text, plate, typeface), PlateLayout.Create(text, plate, typeface, spread: 0), new LayoutComparer());

        var centred = PlateLayout.Create(text, plate, typeface);
        var spread = PlateLayout.Create(text, plate, typeface, spread: 1);
        var margin = PlateLayout.Margin(plate);
        var (left, right) = Ink(spread);
        // The cells reach the margins, less the typeface's gap that trails the last cell.
        Assert.Equal(margin, left, 6);
        Assert.InRange(right, plate.WidthMm - margin - PlateLayout.GapOf(typeface), plate.WidthMm - margin + 1e-6);
        // Same characters, same cells, the text still centred on the plate, only further apart.
        Assert.Equal(centred.Glyphs.Select(g => (g.Char, g.CellWidthMm)), spread.Glyphs.Select(g => (g.Char, g.CellWidthMm)));
        var (cl, cr) = Ink(centred);
        Assert.Equal((cl + cr) / 2, (left + right) / 2, 1);
        Assert.True(right - left > 1.3 * (cr - cl), $"{right - left} against {cr - cl}");
    }

    [Fact]
    public void A_half_spread_lies_between()
    {
        var text = Short();
        var (plate, typeface) = (text.Template.Plate, text.Template.Typeface);
        double Pitch(double s)
        {
            var g = PlateLayout.Create(text, plate, typeface, spread: s).Glyphs;
            return (g[^1].CentreXMm - g[0].CentreXMm) / (g.Count - 1);
        }
        Assert.InRange(Pitch(0.5), Pitch(0) + 1, Pitch(1) - 1);
    }

    [Fact]
    public void A_text_that_fills_its_plate_has_no_room_to_spread()
    {
        // Condensed to fit: the room beside it is none.
        var text = FormatRegistry.Default.SampleAt("us", 3, 0);
        text = text with { Text = new string('W', 9), Compact = new string('W', 9) };
        var (plate, typeface) = (text.Template.Plate, text.Template.Typeface);
        Assert.Equal(PlateLayout.Create(text, plate, typeface), PlateLayout.Create(text, plate, typeface, spread: 1), new LayoutComparer());
    }

    [Fact]
    public void A_template_whose_typeface_spreads_is_set_across_its_plate_whatever_the_look()
    {
        // France's W garage plates (formats/data/fr.jsonc): six characters on the plate of the nine of an SIV plate.
        var text = Enumerable.Range(0, 5000).Select(i => FormatRegistry.Default.SampleAt("fr", 3, i)).First(t => t.Template.Id == "w-garage");
        var (plate, typeface) = (text.Template.Plate, text.Template.Typeface);
        Assert.Equal(1, typeface.Spread);
        var set = PlateLayout.Create(text, plate, typeface);
        Assert.Equal(set, PlateLayout.Create(text, plate, typeface, spread: 0.3), new LayoutComparer());
        var (left, right) = Ink(set);
        Assert.Equal((plate.Band?.WidthMm ?? 0) + PlateLayout.Margin(plate), left, 6);
        var centred = PlateLayout.Create(text, plate, typeface with { Spread = 0 });
        var (cl, cr) = Ink(centred);
        Assert.True(right - left > 1.3 * (cr - cl), $"{right - left} against {cr - cl}");
        // The room goes into the gaps between the groups: the number's digits keep their pitch.
        double Pitch(PlateLayout l) => l.Glyphs[3].CentreXMm - l.Glyphs[2].CentreXMm;
        Assert.Equal(Pitch(centred), Pitch(set), 6);
        // The hyphens keep their size, in the middle of their wider gaps.
        Assert.Equal(centred.Gaps.Select(g => g.WidthMm), set.Gaps.Select(g => g.WidthMm));
        Assert.True(set.Gaps[0].LeftMm > set.Glyphs[0].CentreXMm + set.Glyphs[0].CellWidthMm / 2 + 5, "the first hyphen stays away from the W");
    }

    /// <summary>Layouts equal to a micrometre (records holding lists compare the lists by reference).</summary>
    private sealed class LayoutComparer : IEqualityComparer<PlateLayout>
    {
        public bool Equals(PlateLayout? a, PlateLayout? b) =>
            a is not null && b is not null && a.Glyphs.Count == b.Glyphs.Count && a.Gaps.Count == b.Gaps.Count
            && a.Glyphs.Zip(b.Glyphs).All(p => p.First.Char == p.Second.Char && Near(p.First.CentreXMm, p.Second.CentreXMm) && Near(p.First.CellWidthMm, p.Second.CellWidthMm))
            && a.Gaps.Zip(b.Gaps).All(p => p.First.Kind == p.Second.Kind && Near(p.First.LeftMm, p.Second.LeftMm) && Near(p.First.WidthMm, p.Second.WidthMm))
            && Near(a.CharHeightMm, b.CharHeightMm) && Near(a.TextTopMm, b.TextTopMm);

        public int GetHashCode(PlateLayout l) => l.Glyphs.Count;

        private static bool Near(double x, double y) => Math.Abs(x - y) < 1e-3;
    }
}
