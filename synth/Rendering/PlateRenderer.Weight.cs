using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// Bolder characters (issue 16: stroke weight varies between makers, dies and fonts; real plates are often heavier
/// than the typeface the format names): the glyph is filled once more shifted each way along x and y by the weight
/// before itself, which grows every stroke by about the weight on each side, at the cost of four fills and no
/// outline building (stroking outlines costs milliseconds; <see cref="Lettering"/> weights the same way).
/// </summary>
public sealed partial class PlateRenderer
{
    private double boldMm;

    /// <summary>The current plate's extra stroke weight on each side, in millimetres.</summary>
    private void SetWeight(PlateLook look, double charHeightMm) => boldMm = look.GlyphWeight * charHeightMm;

    private void FillBold(FlatOutline glyph, Projective place, SKColor ink, in GlyphWarp warp = default)
    {
        if (boldMm > 0)
        {
            Fill(glyph, Projective.Translate(boldMm, 0) * place, ink, warp);
            Fill(glyph, Projective.Translate(-boldMm, 0) * place, ink, warp);
            Fill(glyph, Projective.Translate(0, boldMm) * place, ink, warp);
            Fill(glyph, Projective.Translate(0, -boldMm) * place, ink, warp);
        }
        Fill(glyph, place, ink, warp);
    }
}
