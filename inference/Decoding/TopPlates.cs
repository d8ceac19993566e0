using System.Buffers;

namespace DeepPlate.Inference;

/// <summary>
/// The exact k most likely plates under independent slots: each plate's probability is the product of its slots'
/// class probabilities, and the k best are enumerated best first (<see cref="PlateSearch"/>) without scoring every
/// combination. Classes with probability 0 (masked out by a format) never appear; ties go to the lower class.
/// </summary>
public static class TopPlates
{
    /// <summary>Above this many flags the group masks come from the pool instead of the stack.</summary>
    private const int StackFlags = 1024;

    /// <summary>
    /// Every slot takes any class, "no character" included, anywhere: the k most probable slot vectors.
    /// </summary>
    /// <param name="probabilities">slots x classes, slot by slot.</param>
    /// <param name="plates">Receives the class of every slot of each plate found: k x slots.</param>
    /// <param name="scores">Receives each plate's probability, in descending order.</param>
    /// <returns>How many plates were found: k, or fewer when fewer plates have a non-zero probability.</returns>
    public static int Rank(ReadOnlySpan<float> probabilities, int slots, int classes, int k, Span<int> plates, Span<double> scores) =>
        Search(probabilities, slots, classes, k, plates, scores, leftAligned: false);

    /// <summary>
    /// Plates as the model writes them: the characters left-aligned, then "no character" (the last class) in every
    /// remaining slot. A "no character" before a character is not a plate the model was taught (slot i is the i-th
    /// character of the compact text), so such vectors are never proposed; every plate text therefore has exactly
    /// one slot vector, and its probability includes the trailing slots' "no character" probabilities, so plates
    /// of different lengths rank against each other by the same product. The empty plate is not proposed.
    /// </summary>
    /// <inheritdoc cref="Rank"/>
    public static int RankLeftAligned(ReadOnlySpan<float> probabilities, int slots, int classes, int k, Span<int> plates, Span<double> scores) =>
        Search(probabilities, slots, classes, k, plates, scores, leftAligned: true);

    private static int Search(ReadOnlySpan<float> probabilities, int slots, int classes, int k, Span<int> plates, Span<double> scores, bool leftAligned)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if (probabilities.Length < slots * classes) throw new ArgumentException("fewer probabilities than slots x classes", nameof(probabilities));
        if (k <= 0) return 0;
        if (plates.Length < k * slots || scores.Length < k) throw new ArgumentException("output buffers are smaller than k plates");

        var search = PlateSearch.ForThisThread();
        search.Reset(probabilities, slots, classes);
        var size = slots * classes;
        var rented = size > StackFlags ? ArrayPool<bool>.Shared.Rent(size) : null;
        var flags = rented is null ? stackalloc bool[size] : rented.AsSpan(0, size);
        try
        {
            if (leftAligned)
            {
                for (var length = 1; length <= slots; length++)
                {
                    LeftAlignedMask(flags, slots, classes, length);
                    search.AddGroup(flags);
                }
            }
            else
            {
                flags.Fill(true);
                search.AddGroup(flags);
            }

            var found = 0;
            while (found < k && search.TryNext(plates.Slice(found * slots, slots), out scores[found], out _)) found++;
            return found;
        }
        finally
        {
            if (rented is not null) ArrayPool<bool>.Shared.Return(rented);
        }
    }

    /// <summary>Plates of exactly <paramref name="length"/> characters: a character (not the last class) in the first
    /// slots, "no character" (the last class) in the rest.</summary>
    internal static void LeftAlignedMask(Span<bool> flags, int slots, int classes, int length)
    {
        var blank = classes - 1;
        for (var s = 0; s < slots; s++)
        {
            var row = flags.Slice(s * classes, classes);
            row.Fill(s < length);
            row[blank] = s >= length;
        }
    }
}
