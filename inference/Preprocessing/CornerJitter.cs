using System.Numerics;

namespace DeepPlate.Inference;

/// <summary>
/// Corner sets around the given ones, for a reader that integrates over where the plate's corners really are: a
/// user's clicks (or a detector's box) miss the true corners by a few per cent of the plate. The sets are fixed
/// (deterministic, no randomness): the corners as given first, then the quadrilateral grown and shrunk about its
/// centre and shifted left, right, up and down, each by <see cref="Step"/> of its width (shifts) or size (scales),
/// kept inside the picture.
/// </summary>
public static class CornerJitter
{
    /// <summary>How far a set strays, as a fraction of the plate's size: about the click error training assumes.</summary>
    public const float Step = 0.03f;

    /// <summary>The most sets <see cref="Sets"/> gives (the corners themselves and six around them).</summary>
    public const int MaxSets = 7;

    /// <summary>The first <paramref name="count"/> sets (1 = the corners alone).</summary>
    public static Vector2[][] Sets(ReadOnlySpan<Vector2> corners, int count, int width, int height)
    {
        if (corners.Length != 4) throw new ArgumentException("four corners are needed", nameof(corners));
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxSets);
        var c = corners.ToArray();
        var centre = (c[0] + c[1] + c[2] + c[3]) / 4;
        var across = (c[1] - c[0] + (c[2] - c[3])) / 2 * Step;
        var down = (c[3] - c[0] + (c[2] - c[1])) / 2 * Step;
        Func<Vector2, Vector2>[] moves =
        [
            p => p,
            p => centre + (p - centre) * (1 + 2 * Step),
            p => centre + (p - centre) * (1 - 2 * Step),
            p => p - across,
            p => p + across,
            p => p - 2 * down,
            p => p + 2 * down,
        ];
        var sets = new Vector2[count][];
        for (var s = 0; s < count; s++)
        {
            sets[s] = new Vector2[4];
            for (var i = 0; i < 4; i++)
            {
                var p = moves[s](c[i]);
                sets[s][i] = new Vector2(Math.Clamp(p.X, 0, width), Math.Clamp(p.Y, 0, height));
            }
        }
        return sets;
    }
}
