using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Rendering;

/// <summary>A plate's look scales its typeface: the spacing factor reaches every typeface, also those whose format
/// gives no gaps and leaves them to the layout's defaults (the US, Germany).</summary>
public sealed class PlateLookTests
{
    private static readonly IReadOnlyList<PlateTemplate> Templates = FormatRegistry.Default.Countries
        .SelectMany(c => c.Templates.Concat(c.States.SelectMany(s => s.Templates))).ToList();

    [Fact]
    public void The_gap_factor_spaces_every_typeface_even_one_without_gaps_of_its_own()
    {
        var typefaces = Templates.Select(t => t.Typeface).Distinct().ToList();
        Assert.Contains(typefaces, t => t.GapMm is null && t.GroupGapMm is null);
        var look = PlateLook.Clean with { GlyphGap = 1.5 };
        foreach (var t in typefaces)
        {
            var spaced = look.Apply(t);
            Assert.Equal(1.5 * PlateLayout.GapOf(t), PlateLayout.GapOf(spaced), 9);
            Assert.Equal(1.5 * PlateLayout.GroupGapOf(t), PlateLayout.GroupGapOf(spaced), 9);
        }
    }

    [Fact]
    public void A_wider_gap_moves_the_groups_of_a_US_plate_apart()
    {
        var text = Enumerable.Range(0, 200).Select(i => FormatRegistry.Default.SampleAt("us", 7, i))
            .First(t => t.Text.Contains(' ') && t.Template.Typeface.GroupGapMm is null);
        var (plate, typeface) = (text.Template.Plate, text.Template.Typeface);
        // Gap against character cell: condensing to fit the plate scales both alike.
        static double Ratio(PlateLayout l) => l.Gaps[0].WidthMm / l.Glyphs[0].CellWidthMm;
        var plain = Ratio(PlateLayout.Create(text, plate, typeface));
        var wide = Ratio(PlateLayout.Create(text, plate, (PlateLook.Clean with { GlyphGap = 1.6 }).Apply(typeface)));
        Assert.True(wide > 1.3 * plain, $"{wide} against {plain}");
    }
}
