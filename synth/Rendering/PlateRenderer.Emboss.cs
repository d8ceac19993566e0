using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// Raised (embossed) characters, as stamped plates have them (issue 16): lit from one side, each glyph shows a
/// lighter edge towards the light and a darker one away from it. Drawn by filling the glyph twice, offset towards and
/// away from the light in a lighter and a darker tint of the plate, before the glyph itself: three fills, no outline
/// building.
/// </summary>
public sealed partial class PlateRenderer
{
    private double embossDx, embossDy;
    private SKColor highlight, shade;

    /// <summary>The current plate's emboss: its offset in millimetres towards the light (none for flat print).</summary>
    private void SetEmboss(PlateLook look, double charHeightMm, SKColor paper)
    {
        var d = look.EmbossOffset * charHeightMm;
        (embossDx, embossDy) = (d * Math.Cos(look.EmbossLight), d * Math.Sin(look.EmbossLight));
        highlight = Mix(paper, SKColors.White, 0.7);
        shade = Mix(paper, SKColors.Black, 0.55);
    }

    /// <summary>A character (or a side-mark letter) placed by <paramref name="place"/>, raised when the plate is
    /// embossed and emboldened when the plate's weight says so.</summary>
    private void FillRaised(FlatOutline glyph, Projective place, SKColor ink, in GlyphWarp warp = default)
    {
        if (embossDx != 0 || embossDy != 0)
        {
            Fill(glyph, Projective.Translate(embossDx, embossDy) * place, highlight, warp);
            Fill(glyph, Projective.Translate(-embossDx, -embossDy) * place, shade, warp);
        }
        FillBold(glyph, place, ink, warp);
    }
}
