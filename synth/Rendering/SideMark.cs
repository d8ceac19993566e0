using DeepPlate.Formats;

namespace DeepPlate.Synth;

/// <summary>
/// An unlabelled mark beside a plate's characters, drawn from a seed: an emblem (a logo of opaque coloured shapes)
/// or letters stacked two or three high (a plate-type marker: "DV", "TR", "LC", the serial's own typeface and ink,
/// together as tall as the serial), on the left or the right. Its width is known before the characters are laid out,
/// so they can make room.
/// </summary>
/// <param name="EmblemText">Characters printed on the emblem (a team's number, a university's initials), or none.</param>
public sealed record SideMark(bool Left, bool Stacked, string Letters, ulong ShapeSeed, string? EmblemText = null)
{
    /// <summary>Between the mark and the serial, and between stacked letters, as a share of the character height:
    /// real marks sit tight against the serial.</summary>
    private const double Gap = 0.05;

    public static SideMark From(ulong seed, double stackedShare = 0.5, double threeShare = 0, double digitShare = 0, double emblemTextShare = 0)
    {
        var random = new DeterministicRandom(seed);
        var left = random.NextDouble() < 0.7;
        var stacked = random.NextDouble() < stackedShare;
        Span<char> letters = [(char)('A' + random.Next(26)), (char)('A' + random.Next(26)), (char)('A' + random.Next(26))];
        var count = random.NextDouble() < threeShare ? 3 : 2;
        if (random.NextDouble() < digitShare) letters[random.Next(count)] = (char)('1' + random.Next(9));
        var shapeSeed = random.NextUInt64();
        // Drawn after everything else, so that marks without text keep the stream they had before.
        string? text = null;
        if (!stacked && random.NextDouble() < emblemTextShare)
        {
            // A team's number ("56") or initials ("USA", "UNC"): one to three characters, all digits or all letters.
            var digits = random.NextDouble() < 0.5;
            Span<char> chars = stackalloc char[1 + random.Next(3)];
            for (var i = 0; i < chars.Length; i++) chars[i] = digits ? (char)('0' + random.Next(10)) : (char)('A' + random.Next(26));
            text = new string(chars);
        }
        return new SideMark(left, stacked, new string(letters[..count]), shapeSeed, text);
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
