using DeepPlate.Formats;

namespace DeepPlate.Synth;

/// <summary>
/// An unlabelled mark beside a plate's characters, drawn from a seed: an emblem (a logo of opaque coloured shapes)
/// or two small letters stacked (a plate-type marker), on the left or the right. Its width is known before the
/// characters are laid out, so they can make room.
/// </summary>
public sealed record SideMark(bool Left, bool Stacked, string Letters, ulong ShapeSeed)
{
    public static SideMark From(ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var left = random.NextDouble() < 0.7;
        var stacked = random.NextDouble() < 0.5;
        Span<char> letters = [(char)('A' + random.Next(26)), (char)('A' + random.Next(26))];
        return new SideMark(left, stacked, new string(letters), random.NextUInt64());
    }

    /// <summary>The room it takes beside the characters, for characters <paramref name="charHeightMm"/> tall: a
    /// stacked pair is narrow, an emblem about as wide as it is tall; a gap after either.</summary>
    public double WidthMm(double charHeightMm) => charHeightMm * (Stacked ? 0.45 : 1.05);

    /// <summary>What <see cref="PlateLayout.Create"/> keeps free: positive on the left, negative on the right.</summary>
    public double AsideMm(double charHeightMm) => Left ? WidthMm(charHeightMm) : -WidthMm(charHeightMm);
}
