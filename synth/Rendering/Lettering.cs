using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>How a plate's state name and slogan are lettered: real US plates set them in every style (script, serif,
/// italic, outlined, on a colour band), not the one plain sans-serif the plain generator draws.</summary>
public enum LetteringWeight { Regular, Bold, Outlined }

/// <summary>
/// The lettering of one plate's header and footer, from a seed: the state name's face (a position in
/// <see cref="LetteringFaces.Shipped"/>, the font table's "lettering" list), weight, capitals, height (a share of the
/// plate's), slant, colour and band, and the slogan's italic face and slant.
/// </summary>
public sealed record Lettering(int Face, LetteringWeight Weight, bool Capitals, double SizeShare, double SlantDeg, SKColor Colour, SKColor? Band, int SloganFace, double SloganSlantDeg)
{
    // Dark blue, red, green, maroon, black: the inks of state names.
    private static readonly SKColor[] Inks =
    [
        new(0x1A, 0x2E, 0x6E), new(0xA0, 0x1E, 0x24), new(0x1E, 0x5A, 0x32), new(0x5A, 0x1A, 0x2A), new(0x14, 0x14, 0x14),
    ];

    public static Lettering From(ulong seed, double[] size, double[] slantDeg, double bandShare)
    {
        var random = new DeterministicRandom(seed);
        var face = random.Next(LetteringFaces.Shipped.Count);
        var weight = (LetteringWeight)random.PickWeighted([0.5, 0.25, 0.25]);
        var capitals = random.NextDouble() < 0.5;
        var share = random.Uniform(size[0], size[1]);
        var slant = random.NextDouble() < 0.4 ? random.Uniform(slantDeg[0], slantDeg[1]) : 0;
        var colour = Inks[random.Next(Inks.Length)];
        SKColor? band = random.NextDouble() < bandShare ? Inks[random.Next(Inks.Length)] : null;
        var slogan = LetteringFaces.Italic[random.Next(LetteringFaces.Italic.Count)];
        var sloganSlant = random.Uniform(0, Math.Max(slantDeg[1], 0) / 2);
        return new Lettering(face, weight, capitals, share, slant, colour, band, slogan, sloganSlant);
    }

    /// <summary>The outline of <paramref name="text"/> in <paramref name="face"/> at 100 units per em, baseline at y = 0.
    /// Weights are drawn from it (<see cref="PlateRenderer"/>): stroking it and removing the overlaps cost up to 100 ms
    /// an outline, and a renderer meets thousands.</summary>
    public static SKPath Path(int face, string text)
    {
        using var font = new SKFont(LetteringFaces.Typeface(face), 100);
        return font.GetTextPath(text, new SKPoint(0, 0));
    }
}
