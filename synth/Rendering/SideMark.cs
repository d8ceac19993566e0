using DeepPlate.Formats;

namespace DeepPlate.Synth;

/// <summary>
/// An unlabelled mark beside a plate's characters, drawn from a seed: an emblem (a logo of opaque coloured shapes)
/// or letters stacked two or three high (a plate-type marker: "DV", "TR", "LC", the serial's own typeface and ink,
/// together as tall as the serial), on the left or the right. Its width is known before the characters are laid out,
/// so they can make room.
/// </summary>
public sealed record SideMark(bool Left, bool Stacked, string Letters, ulong ShapeSeed)
{
    /// <summary>Between the mark and the serial, and between stacked letters, as a share of the character height:
    /// real marks sit tight against the serial.</summary>
    private const double Gap = 0.05;

    public static SideMark From(ulong seed, double stackedShare = 0.5, double threeShare = 0, double digitShare = 0)
    {
        var random = new DeterministicRandom(seed);
        var left = random.NextDouble() < 0.7;
        var stacked = random.NextDouble() < stackedShare;
        Span<char> letters = [(char)('A' + random.Next(26)), (char)('A' + random.Next(26)), (char)('A' + random.Next(26))];
        var count = random.NextDouble() < threeShare ? 3 : 2;
        if (random.NextDouble() < digitShare) letters[random.Next(count)] = (char)('1' + random.Next(9));
        return new SideMark(left, stacked, new string(letters[..count]), random.NextUInt64());
    }

    /// <summary>Each stacked letter's height as a share of the characters': two fill the serial's height with a gap.</summary>
    public double LetterShare => (1 - (Letters.Length - 1) * Gap) / Letters.Length;

    /// <summary>The room it takes beside characters <paramref name="charHeightMm"/> tall of a typeface
    /// <paramref name="widthPerHeight"/> wide per height: a stacked letter's width, an emblem about as wide as it is
    /// tall; the gap to the serial included.</summary>
    public double WidthMm(double charHeightMm, double widthPerHeight) =>
        charHeightMm * ((Stacked ? LetterShare * widthPerHeight : 1.0) + Gap);

    /// <summary>
    /// Where each stacked letter goes (its box in plate millimetres), or the emblem's one box: in the room beside the
    /// outermost character's cell, a gap away from it, the boxes stacked from the characters' top to their bottom.
    /// </summary>
    public IReadOnlyList<(char Char, double X, double Y, double W, double H)> Boxes(PlateLayout layout, double widthPerHeight)
    {
        var ch = layout.CharHeightMm;
        var w = WidthMm(ch, widthPerHeight) - Gap * ch;
        var first = layout.Glyphs[0];
        var last = layout.Glyphs[^1];
        var x = Left ? first.CentreXMm - first.CellWidthMm / 2 - Gap * ch - w : last.CentreXMm + last.CellWidthMm / 2 + Gap * ch;
        if (!Stacked) return [(' ', x, layout.TextTopMm + (ch - w) / 2, w, w)];
        var each = LetterShare * ch;
        var boxes = new (char, double, double, double, double)[Letters.Length];
        for (var i = 0; i < boxes.Length; i++) boxes[i] = (Letters[i], x, layout.TextTopMm + i * (each + Gap * ch), w, each);
        return boxes;
    }
}
