namespace DeepPlate.Formats;

/// <summary>Parses the pattern grammar of formats/README.md into elements.</summary>
public static class PatternParser
{
    /// <param name="letters">What <c>L</c> means.</param>
    /// <param name="sets">Named one-character sets.</param>
    /// <param name="lists">Named token lists.</param>
    public static IReadOnlyList<PatternElement> Parse(
        string pattern,
        CharSet letters,
        IReadOnlyDictionary<string, CharSet> sets,
        IReadOnlyDictionary<string, TokenList> lists)
    {
        var elements = new List<PatternElement>();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            PatternElement element;
            switch (c)
            {
                case '-': elements.Add(new Gap(GapKind.Hyphen)); i++; continue;
                case ' ': elements.Add(new Gap(GapKind.Space)); i++; continue;
                case '_': elements.Add(new Gap(GapKind.Seal)); i++; continue;
                case '·': elements.Add(new Gap(GapKind.Emblem)); i++; continue;
                case 'L': element = new CharSlot(letters, 1, 1); i++; break;
                case 'D': element = new CharSlot(CharSet.Digits, 1, 1); i++; break;
                case 'N': element = new CharSlot(CharSet.NonZeroDigits, 1, 1); i++; break;
                case 'X': element = new CharSlot(letters.Union(CharSet.Digits), 1, 1); i++; break;
                case '[':
                {
                    var end = pattern.IndexOf(']', i);
                    if (end < 0) throw Error(pattern, i, "'[' without ']'");
                    try
                    {
                        element = new CharSlot(CharSet.Parse(pattern[(i + 1)..end]), 1, 1);
                    }
                    catch (FormatException e)
                    {
                        throw Error(pattern, i, e.Message);
                    }
                    i = end + 1;
                    break;
                }
                case '<':
                {
                    var end = pattern.IndexOf('>', i);
                    if (end < 0) throw Error(pattern, i, "'<' without '>'");
                    var name = pattern[(i + 1)..end];
                    if (sets.TryGetValue(name, out var set)) element = new CharSlot(set, 1, 1);
                    else if (lists.TryGetValue(name, out var list)) element = new ListSlot(list);
                    else throw Error(pattern, i, $"no set or list named '{name}'");
                    i = end + 1;
                    break;
                }
                default:
                    throw Error(pattern, i, $"unexpected '{c}'");
            }

            if (i < pattern.Length && pattern[i] is '{' or '?')
            {
                if (element is not CharSlot slot) throw Error(pattern, i, "a list token cannot repeat");
                int min, max;
                if (pattern[i] == '?')
                {
                    (min, max) = (0, 1);
                    i++;
                }
                else
                {
                    var end = pattern.IndexOf('}', i);
                    if (end < 0) throw Error(pattern, i, "'{' without '}'");
                    var parts = pattern[(i + 1)..end].Split(',');
                    if (parts.Length > 2 || !int.TryParse(parts[0], out min)
                        || !int.TryParse(parts[^1], out max) || min < 0 || max < min || max == 0 || max > 12)
                    {
                        throw Error(pattern, i, $"bad repeat '{pattern[i..(end + 1)]}'");
                    }
                    i = end + 1;
                }
                element = slot with { Min = min, Max = max };
            }
            elements.Add(element);
        }

        if (elements.Count == 0) throw new FormatException("pattern is empty");
        if (elements[0] is Gap || elements[^1] is Gap) throw new FormatException("pattern starts or ends with a gap");
        for (var k = 1; k < elements.Count; k++)
        {
            if (elements[k] is Gap && elements[k - 1] is Gap) throw new FormatException("two gaps in a row");
        }
        return elements;
    }

    private static FormatException Error(string pattern, int at, string message) =>
        new($"{message} at column {at + 1} of '{pattern}'");
}
