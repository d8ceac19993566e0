using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// The letter I with slab serifs: US dies and plate fonts put bars at the top and bottom of the I to tell it from 1,
/// while the fonts the generator has draw a plain bar; models that never saw such an I read it as T (the US failure
/// galleries of ../shared/realdev). The font's I with two bars, each as thick as its stem and 60 % as wide as its H.
/// </summary>
public sealed partial class PlateRenderer
{
    private readonly Dictionary<string, FlatOutline> serifIs = [];

    private FlatOutline SerifI(string font)
    {
        if (!serifIs.TryGetValue(font, out var outline))
        {
            var plate = fonts.Get(font);
            using var stem = plate.Glyph('I');
            var ink = stem.TightBounds;
            var (thick, half) = (Math.Min(ink.Width, 0.2f), Math.Max(0.6f * plate.InkBounds('H').Width, 1.5f * ink.Width) / 2);
            using var builder = new SKPathBuilder();
            builder.AddRect(new SKRect(ink.MidX - half, ink.Top, ink.MidX + half, ink.Top + thick), SKPathDirection.Clockwise);
            builder.AddRect(new SKRect(ink.MidX - half, ink.Bottom - thick, ink.MidX + half, ink.Bottom), SKPathDirection.Clockwise);
            using var bars = builder.Detach();
            using var serifed = stem.Op(bars, SKPathOp.Union) ?? throw new InvalidOperationException($"font '{font}': the I's serifs do not join it");
            outline = new FlatOutline(serifed);
            serifIs[font] = outline;
        }
        return outline;
    }
}
