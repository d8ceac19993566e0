using System.Buffers;

namespace DeepPlate.Inference;

/// <summary>
/// The exact k most likely plates under independent slots: each plate's probability is the product of its slots'
/// class probabilities, and the k best are enumerated best first without scoring every combination. Each slot's
/// classes are sorted once; a candidate is a vector of ranks, and a best-first search expands a candidate by moving
/// one slot to its next class, only at or after the slot its parent moved, so every vector is reached exactly once.
/// Classes with probability 0 (masked out by a format) never appear.
/// </summary>
public static class TopPlates
{
    /// <param name="probabilities">slots x classes, slot by slot.</param>
    /// <param name="plates">Receives the class of every slot of each plate found: k x slots.</param>
    /// <param name="scores">Receives each plate's probability, in descending order.</param>
    /// <returns>How many plates were found: k, or fewer when fewer plates have a non-zero probability.</returns>
    public static int Rank(ReadOnlySpan<float> probabilities, int slots, int classes, int k, Span<int> plates, Span<double> scores)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if (probabilities.Length < slots * classes) throw new ArgumentException("fewer probabilities than slots x classes", nameof(probabilities));
        if (plates.Length < k * slots || scores.Length < k) throw new ArgumentException("output buffers are smaller than k plates");
        if (k <= 0) return 0;

        // order[s * classes + r] is slot s's class of rank r; usable[s] how many of its classes are non-zero.
        var order = ArrayPool<int>.Shared.Rent(slots * classes);
        var usable = ArrayPool<int>.Shared.Rent(slots);
        // Rank vectors of the candidates discovered so far, one after another.
        var ranks = ArrayPool<int>.Shared.Rent(slots * (k * slots + 1));
        var keys = ArrayPool<float>.Shared.Rent(classes);
        var queue = new PriorityQueue<(int Candidate, int From), double>();
        try
        {
            for (var s = 0; s < slots; s++)
            {
                var row = probabilities.Slice(s * classes, classes);
                var slotOrder = order.AsSpan(s * classes, classes);
                for (var c = 0; c < classes; c++)
                {
                    slotOrder[c] = c;
                    keys[c] = -row[c];
                }
                // Stable on ties (lower class first) so the ranking is the same on every run and machine.
                keys.AsSpan(0, classes).Sort(slotOrder);
                StableTies(keys.AsSpan(0, classes), slotOrder);
                var n = 0;
                while (n < classes && row[slotOrder[n]] > 0) n++;
                if (n == 0) return 0;
                usable[s] = n;
                ranks[s] = 0;
            }

            var discovered = 1;
            queue.Enqueue((0, 0), -Probability(probabilities, order, ranks.AsSpan(0, slots), classes));
            var found = 0;
            while (found < k && queue.TryDequeue(out var item, out var negative))
            {
                var vector = ranks.AsSpan(item.Candidate * slots, slots);
                for (var s = 0; s < slots; s++) plates[found * slots + s] = order[s * classes + vector[s]];
                scores[found] = -negative;
                found++;

                for (var s = item.From; s < slots; s++)
                {
                    if (vector[s] + 1 >= usable[s]) continue;
                    var next = discovered++;
                    var child = ranks.AsSpan(next * slots, slots);
                    vector.CopyTo(child);
                    child[s]++;
                    queue.Enqueue((next, s), -Probability(probabilities, order, child, classes));
                }
            }
            return found;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<int>.Shared.Return(usable);
            ArrayPool<int>.Shared.Return(ranks);
            ArrayPool<float>.Shared.Return(keys);
        }
    }

    // Multiplied afresh rather than updated from the parent, so equal plates score exactly alike.
    private static double Probability(ReadOnlySpan<float> probabilities, int[] order, ReadOnlySpan<int> vector, int classes)
    {
        var p = 1.0;
        for (var s = 0; s < vector.Length; s++) p *= probabilities[s * classes + order[s * classes + vector[s]]];
        return p;
    }

    // Span.Sort is not stable: within each run of equal probabilities put the lower class first.
    private static void StableTies(Span<float> keys, Span<int> classes)
    {
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i < keys.Length && keys[i] == keys[start]) continue;
            if (i - start > 1) classes[start..i].Sort();
            start = i;
        }
    }
}
