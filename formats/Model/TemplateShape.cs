namespace DeepPlate.Formats;

/// <summary>
/// A fixed-length expansion of a pattern: the allowed characters at each position, which pattern element each
/// position comes from, and the gap (if any) printed before it.
/// </summary>
public sealed record TemplateShape(IReadOnlyList<CharSet> Positions, IReadOnlyList<int> ElementIndex, IReadOnlyList<GapKind?> GapBefore)
{
    public int Length => Positions.Count;

    /// <summary>Expands every repeat count and list-token length; shapes longer than <paramref name="maxChars"/> are dropped.</summary>
    public static IReadOnlyList<TemplateShape> Expand(IReadOnlyList<PatternElement> elements, int? maxChars)
    {
        var partial = new List<(List<CharSet> Sets, List<int> From, List<GapKind?> Gaps, GapKind? Pending)> { ([], [], [], null) };
        for (var e = 0; e < elements.Count; e++)
        {
            var options = elements[e] switch
            {
                CharSlot s => Enumerable.Range(s.Min, s.Max - s.Min + 1).Select(n => Enumerable.Repeat(s.Set, n).ToList()).ToList(),
                ListSlot l => ListOptions(l.List),
                _ => null,
            };
            if (elements[e] is Gap gap)
            {
                partial = [.. partial.Select(p => (p.Sets, p.From, p.Gaps, (GapKind?)gap.Kind))];
                continue;
            }
            var next = new List<(List<CharSet>, List<int>, List<GapKind?>, GapKind?)>();
            foreach (var p in partial)
            {
                foreach (var option in options!)
                {
                    var sets = new List<CharSet>(p.Sets);
                    var from = new List<int>(p.From);
                    var gaps = new List<GapKind?>(p.Gaps);
                    var pending = p.Pending;
                    foreach (var set in option)
                    {
                        sets.Add(set);
                        from.Add(e);
                        gaps.Add(pending);
                        pending = null;
                    }
                    next.Add((sets, from, gaps, pending));
                }
            }
            partial = next;
            if (partial.Count > 100_000) throw new FormatException("pattern expands to too many shapes");
        }
        return [.. partial
            .Where(p => p.Sets.Count > 0 && (maxChars is null || p.Sets.Count <= maxChars))
            .Select(p => new TemplateShape(p.Sets, p.From, p.Gaps))];
    }

    // A list token of length k behaves, position by position, like the union of its entries of length k.
    private static List<List<CharSet>> ListOptions(TokenList list) =>
        [.. list.Entries.GroupBy(t => t.Length).OrderBy(g => g.Key)
            .Select(g => Enumerable.Range(0, g.Key).Select(i => CharSet.Of(g.Select(t => t[i]))).ToList())];
}
