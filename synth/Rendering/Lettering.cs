using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>How a plate's state name and slogan are lettered: real US plates set them in every style (script, serif,
/// italic, outlined, on a colour band), not the one plain sans-serif the plain generator draws.</summary>
public enum LetteringWeight { Regular, Bold, Outlined }

/// <summary>
/// The lettering of one plate's header and footer, from a seed: the state name's face, weight, capitals, height (a
/// share of the plate's), slant, colour and band, and the slogan's italic face and slant.
/// </summary>
public sealed record Lettering(int Face, LetteringWeight Weight, bool Capitals, double SizeShare, double SlantDeg, SKColor Colour, SKColor? Band, int SloganFace, double SloganSlantDeg)
{
    /// <summary>
    /// Faces of the packages the font catalog already installs (fonts-dejavu with Skia, fonts-urw-base35 for fr-plate,
    /// fonts-opendin, fonts-adf-gillius, fonts-roadgeek): sans, serif, script and italic cuts. A missing file falls back
    /// to DejaVu Sans Bold, as the plain header uses.
    /// </summary>
    public static readonly string[] Faces =
    [
        "",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-BoldItalic.ttf",
        "/usr/share/fonts/opentype/urw-base35/NimbusRoman-BoldItalic.otf",
        "/usr/share/fonts/opentype/urw-base35/Z003-MediumItalic.otf",
        "/usr/share/fonts/opentype/urw-base35/NimbusSans-BoldItalic.otf",
        "/usr/share/fonts/opentype/urw-base35/P052-BoldItalic.otf",
        "/usr/share/fonts/opentype/urw-base35/URWBookman-DemiItalic.otf",
        "/usr/share/fonts/opentype/urw-base35/C059-Bold.otf",
        "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf",
        "/usr/share/fonts/truetype/adf/GilliusADF-BoldCond.otf",
        "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Bold.otf",
        "/usr/share/fonts/truetype/roadgeek/RG2014C.ttf",
    ];

    // Loaded once per process: reading a font file costs milliseconds, and a renderer meets thousands of
    // (face, text, weight) outlines before its cache holds them all. Skia's typefaces are immutable, so threads share them.
    private static readonly Lazy<SKTypeface>[] Typefaces = [.. Faces.Select(file => new Lazy<SKTypeface>(() =>
        (file == "" ? null : SKTypeface.FromFile(file)) ?? SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default))];

    /// <summary>The italic and script faces of <see cref="Faces"/>, for slogans.</summary>
    private static readonly int[] ItalicFaces = [2, 3, 4, 5, 6, 7];

    // Dark blue, red, green, maroon, black: the inks of state names.
    private static readonly SKColor[] Inks =
    [
        new(0x1A, 0x2E, 0x6E), new(0xA0, 0x1E, 0x24), new(0x1E, 0x5A, 0x32), new(0x5A, 0x1A, 0x2A), new(0x14, 0x14, 0x14),
    ];

    public static Lettering From(ulong seed, double[] size, double[] slantDeg, double bandShare)
    {
        var random = new DeterministicRandom(seed);
        var face = random.Next(Faces.Length);
        var weight = (LetteringWeight)random.PickWeighted([0.5, 0.25, 0.25]);
        var capitals = random.NextDouble() < 0.5;
        var share = random.Uniform(size[0], size[1]);
        var slant = random.NextDouble() < 0.4 ? random.Uniform(slantDeg[0], slantDeg[1]) : 0;
        var colour = Inks[random.Next(Inks.Length)];
        SKColor? band = random.NextDouble() < bandShare ? Inks[random.Next(Inks.Length)] : null;
        var slogan = ItalicFaces[random.Next(ItalicFaces.Length)];
        var sloganSlant = random.Uniform(0, Math.Max(slantDeg[1], 0) / 2);
        return new Lettering(face, weight, capitals, share, slant, colour, band, slogan, sloganSlant);
    }

    /// <summary>The outline of <paramref name="text"/> in <paramref name="face"/> at 100 units per em, baseline at y = 0.
    /// Weights are drawn from it (<see cref="PlateRenderer"/>): stroking it and removing the overlaps cost up to 100 ms
    /// an outline, and a renderer meets thousands.</summary>
    public static SKPath Path(int face, string text)
    {
        using var font = new SKFont(Typefaces[face].Value, 100);
        return font.GetTextPath(text, new SKPoint(0, 0));
    }
}
