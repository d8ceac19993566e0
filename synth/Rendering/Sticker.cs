using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// A registration sticker in a top corner of a plate with a header (US plates): the month ("MAY") or the year ("25")
/// of the registration, in dark or light characters on a rounded rectangle of the year's colour. Drawn from a seed;
/// <see cref="Size"/> is its height as a share of the plate's, kept above the characters by <see cref="Box"/>.
/// </summary>
public sealed record Sticker(bool Left, string Text, SKColor Colour, double Size)
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    // States change the year's colour every year: bright, saturated colours, and white.
    private static readonly SKColor[] Colours =
    [
        new(0xF2, 0xD0, 0x1E), new(0xF0, 0x8A, 0x1C), new(0xD0, 0x2A, 0x2A), new(0x2E, 0x9A, 0x4A), new(0x1F, 0x5F, 0xBF),
        new(0xF4, 0xF4, 0xF0), new(0x7A, 0x3C, 0xA8), new(0x18, 0x9A, 0x9A), new(0xE8, 0x6A, 0xA8),
    ];

    /// <summary>Clear plate kept around a sticker, as a share of the plate's height.</summary>
    private const double Margin = 0.04;

    /// <summary>One sticker (the year, or the month) or two (the month on the left, the year on the right), each
    /// <paramref name="size"/> [low, high] of the plate's height.</summary>
    public static IReadOnlyList<Sticker> From(ulong seed, double[] size)
    {
        var random = new DeterministicRandom(seed);
        var month = Months[random.Next(Months.Length)];
        var year = random.NextInclusive(0, 99).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        Sticker Make(bool left, string text) => new(left, text, Colours[random.Next(Colours.Length)], random.Uniform(size[0], size[1]));
        return random.Next(3) switch
        {
            0 => [Make(true, month), Make(false, year)],
            1 => [Make(random.NextDouble() < 0.5, year)],
            _ => [Make(random.NextDouble() < 0.5, month)],
        };
    }

    /// <summary>
    /// Where the sticker goes on a plate <paramref name="plateWidthMm"/> by <paramref name="plateHeightMm"/> whose
    /// characters start at <paramref name="textTopMm"/>: in its top corner, as tall as <see cref="Size"/> allows
    /// above the characters with a margin, as wide as its text needs; null when that leaves it under half its size.
    /// </summary>
    public (double X, double Y, double Width, double Height)? Box(double plateWidthMm, double plateHeightMm, double textTopMm)
    {
        var margin = Margin * plateHeightMm;
        var height = Math.Min(Size * plateHeightMm, textTopMm - 2 * margin);
        if (height < Size * plateHeightMm / 2) return null;
        var width = height * (0.5 + 0.45 * Text.Length);
        var x = Left ? margin : plateWidthMm - margin - width;
        return (x, margin, width, height);
    }
}
