using System.Numerics;
using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

public sealed partial class PlateRenderer
{
    private static readonly SKColor StickerDark = new(0x18, 0x18, 0x18);

    /// <summary>Each sticker in its corner above the characters, its text in the first lettering face (a plain bold
    /// sans), dark on light colours and light on dark ones.</summary>
    private void DrawStickers(IReadOnlyList<Sticker> stickers, PlateStyle style, PlateLayout layout)
    {
        foreach (var s in stickers)
        {
            if (s.Box(style.WidthMm, style.HeightMm, layout.TextTopMm) is not var (x, y, width, height)) continue;
            Fill(StickerShape(), Projective.Place(x, y, width, height), s.Colour);
            var luma = Vector3.Dot(Raster.Rec601, new Vector3(s.Colour.Red, s.Colour.Green, s.Colour.Blue));
            var ink = luma > 128 ? StickerDark : BandText;
            FillSlanted(LetteringOutline(0, s.Text), x + width / 2, y + height / 2, height * 0.7, width * 0.85, 0, ink, LetteringWeight.Regular, ink);
        }
    }
}
