namespace DeepPlate.Inference;

/// <summary>
/// Exact best-first enumeration of plates over a union of product spaces ("groups"). A group allows, at every slot,
/// a set of classes; a plate of the group takes one allowed class per slot, and its probability is the product of
/// its slots' probabilities. Plates come out in descending probability, across all groups, without scoring every
/// combination.
/// <para>
/// Within a group each slot's allowed classes are sorted once, best first; a candidate is a vector of ranks. The
/// search starts from every group's best vector and expands a popped vector by moving one slot to its next class,
/// only at or after the slot its parent moved, so every vector of a group is reached exactly once, and a child is
/// never more probable than its parent, so the queue pops in exact descending order. Classes with probability 0 are
/// never proposed. Ties are broken by discovery order, so the output is the same on every run.
/// </para>
/// Groups are what the rankings differ by: one group of every class (<see cref="TopPlates.Rank"/>), one group per
/// plate length with blanks after it (<see cref="TopPlates.RankLeftAligned"/>), one group per template shape
/// (<see cref="ValidRanking"/>). One instance per thread; reuse it, its buffers are kept.
/// </summary>
internal sealed class PlateSearch
{
    private float[] probabilities = [];
    private int slots;
    private int classes;

    // sorted[s * classes + r]: slot s's class of rank r over all classes, best first, ties to the lower class.
    private int[] sorted = [];
    private float[] keys = [];

    // Groups: for group g and slot s, its allowed classes best first are choices[start .. start + count).
    private int groups;
    private int[] choiceStart = [];
    private int[] choiceCount = [];
    private int[] choices = [];
    private int choicesUsed;

    // Candidates discovered so far: rank vectors one after another, with their group and the slot their parent moved.
    private int[] ranks = [];
    private int[] candidateGroup = [];
    private int[] candidateFrom = [];
    private int discovered;

    private readonly PriorityQueue<int, (double Score, int Order)> queue = new(ByScoreThenOrder.Instance);

    public int Slots => slots;

    public int Classes => classes;

    /// <summary>Starts a new search over <paramref name="distribution"/> (slots x classes, slot by slot); no groups yet.</summary>
    public void Reset(ReadOnlySpan<float> distribution, int slotCount, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slotCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        var size = slotCount * classCount;
        if (distribution.Length < size) throw new ArgumentException("fewer probabilities than slots x classes", nameof(distribution));
        slots = slotCount;
        classes = classCount;
        Ensure(ref probabilities, size);
        distribution[..size].CopyTo(probabilities);
        Ensure(ref sorted, size);
        Ensure(ref keys, classCount);
        for (var s = 0; s < slots; s++)
        {
            var row = probabilities.AsSpan(s * classes, classes);
            var order = sorted.AsSpan(s * classes, classes);
            var k = keys.AsSpan(0, classes);
            for (var c = 0; c < classes; c++)
            {
                order[c] = c;
                k[c] = -row[c];
            }
            // Stable on ties (lower class first) so the ranking is the same on every run and machine.
            k.Sort(order);
            StableTies(k, order);
        }
        groups = 0;
        choicesUsed = 0;
        discovered = 0;
        queue.Clear();
    }

    /// <summary>The probability of class <paramref name="c"/> at slot <paramref name="s"/>.</summary>
    public float P(int s, int c) => probabilities[s * classes + c];

    /// <summary>
    /// Adds a group: <paramref name="allowed"/>[s * classes + c] says whether slot s may take class c. Returns the
    /// group's index, or -1 when it holds no plate of non-zero probability (it is then not searched).
    /// </summary>
    public int AddGroup(ReadOnlySpan<bool> allowed)
    {
        if (allowed.Length < slots * classes) throw new ArgumentException("fewer flags than slots x classes", nameof(allowed));
        var g = groups;
        Ensure(ref choiceStart, (g + 1) * slots);
        Ensure(ref choiceCount, (g + 1) * slots);
        Ensure(ref choices, choicesUsed + slots * classes);
        var start = choicesUsed;
        for (var s = 0; s < slots; s++)
        {
            var order = sorted.AsSpan(s * classes, classes);
            var row = probabilities.AsSpan(s * classes, classes);
            var flags = allowed.Slice(s * classes, classes);
            var n = 0;
            choiceStart[g * slots + s] = choicesUsed;
            for (var r = 0; r < classes; r++)
            {
                var c = order[r];
                // Zero (and NaN, which a broken model could give) is never proposed.
                if (flags[c] && row[c] > 0) choices[choicesUsed + n++] = c;
            }
            if (n == 0)
            {
                choicesUsed = start;
                return -1;
            }
            choiceCount[g * slots + s] = n;
            choicesUsed += n;
        }
        groups++;

        // The group's best plate: rank 0 everywhere.
        var id = NewCandidate(g, 0);
        ranks.AsSpan(id * slots, slots).Clear();
        queue.Enqueue(id, (Score(id), id));
        return g;
    }

    /// <summary>
    /// The next most probable plate: its class at every slot, its probability and its group. False when every
    /// group is exhausted.
    /// </summary>
    public bool TryNext(Span<int> plate, out double score, out int group)
    {
        if (!queue.TryDequeue(out var id, out var key))
        {
            score = 0;
            group = -1;
            return false;
        }
        score = key.Score;
        group = candidateGroup[id];
        var from = candidateFrom[id];
        for (var s = 0; s < slots; s++) plate[s] = ClassAt(group, s, ranks[id * slots + s]);

        for (var s = from; s < slots; s++)
        {
            if (ranks[id * slots + s] + 1 >= choiceCount[group * slots + s]) continue;
            var child = NewCandidate(group, s);
            // NewCandidate may have grown the buffer: copy from the parent's place in the current one.
            ranks.AsSpan(id * slots, slots).CopyTo(ranks.AsSpan(child * slots, slots));
            ranks[child * slots + s]++;
            queue.Enqueue(child, (Score(child), child));
        }
        return true;
    }

    private int ClassAt(int g, int s, int rank) => choices[choiceStart[g * slots + s] + rank];

    // Multiplied afresh over every slot in slot order rather than updated from the parent, so the same plate
    // reached through two groups scores exactly alike.
    private double Score(int id)
    {
        var g = candidateGroup[id];
        var p = 1.0;
        for (var s = 0; s < slots; s++) p *= probabilities[s * classes + ClassAt(g, s, ranks[id * slots + s])];
        return p;
    }

    private int NewCandidate(int group, int from)
    {
        var id = discovered++;
        if ((id + 1) * slots > ranks.Length) Grow(ref ranks, (id + 1) * slots);
        if (id + 1 > candidateGroup.Length)
        {
            Grow(ref candidateGroup, id + 1);
            Grow(ref candidateFrom, id + 1);
        }
        candidateGroup[id] = group;
        candidateFrom[id] = from;
        return id;
    }

    private static void Ensure<T>(ref T[] buffer, int size)
    {
        if (buffer.Length < size) Grow(ref buffer, size);
    }

    // Doubles (at least), keeping the contents; a search reuses its buffers, so this settles after the first reads.
    private static void Grow<T>(ref T[] buffer, int size)
    {
        var bigger = new T[Math.Max(size, Math.Max(16, buffer.Length * 2))];
        buffer.AsSpan().CopyTo(bigger);
        buffer = bigger;
    }

    // Span.Sort is not stable: within each run of equal probabilities put the lower class first.
    private static void StableTies(Span<float> keys, Span<int> order)
    {
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i < keys.Length && keys[i] == keys[start]) continue;
            if (i - start > 1) order[start..i].Sort();
            start = i;
        }
    }

    private sealed class ByScoreThenOrder : IComparer<(double Score, int Order)>
    {
        public static readonly ByScoreThenOrder Instance = new();

        public int Compare((double Score, int Order) a, (double Score, int Order) b)
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : a.Order.CompareTo(b.Order);
        }
    }

    /// <summary>One search per thread for the static rankings.</summary>
    [ThreadStatic]
    private static PlateSearch? perThread;

    public static PlateSearch ForThisThread() => perThread ??= new PlateSearch();
}
