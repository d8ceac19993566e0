namespace DeepPlate.Formats;

/// <summary>An ordered set of plate characters (ordinal order, no duplicates).</summary>
public sealed class CharSet : IEquatable<CharSet>
{
    public static readonly CharSet Digits = new("0123456789");
    public static readonly CharSet NonZeroDigits = new("123456789");

    private CharSet(string sortedDistinct) => Chars = sortedDistinct;

    /// <summary>The characters, in ordinal order.</summary>
    public string Chars { get; }

    public int Count => Chars.Length;

    public char this[int i] => Chars[i];

    public bool Contains(char c) => Chars.Contains(c);

    public static CharSet Of(IEnumerable<char> chars)
    {
        var list = new SortedSet<char>(chars, Comparer<char>.Create((a, b) => a.CompareTo(b)));
        return new CharSet(new string([.. list]));
    }

    public CharSet Union(CharSet other) => Of(Chars + other.Chars);

    public bool IsSubsetOf(CharSet other)
    {
        foreach (var c in Chars)
        {
            if (!other.Contains(c)) return false;
        }
        return true;
    }

    /// <summary>
    /// Parses a set spec: characters and ranges (<c>A-Z</c>), optionally followed by <c>!</c> and characters or
    /// ranges to remove (<c>A-Z!IOQU</c>).
    /// </summary>
    public static CharSet Parse(string spec)
    {
        var bang = spec.IndexOf('!');
        var keep = Expand(bang < 0 ? spec : spec[..bang], spec);
        var drop = bang < 0 ? [] : Expand(spec[(bang + 1)..], spec);
        keep.ExceptWith(drop);
        if (keep.Count == 0) throw new FormatException($"set '{spec}' is empty");
        return Of(keep);
    }

    private static HashSet<char> Expand(string part, string spec)
    {
        var set = new HashSet<char>();
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (char.IsWhiteSpace(c) || c is '-' or '!' or '[' or ']')
            {
                throw new FormatException($"set '{spec}': unexpected '{c}'");
            }
            if (i + 2 < part.Length && part[i + 1] == '-')
            {
                var end = part[i + 2];
                if (end < c) throw new FormatException($"set '{spec}': range {c}-{end} runs backwards");
                for (var x = c; x <= end; x++) set.Add(x);
                i += 2;
            }
            else
            {
                set.Add(c);
            }
        }
        return set;
    }

    /// <summary>Plain words for error messages: "a digit", "a letter other than I, O, Q", "one of E, H".</summary>
    public string Describe()
    {
        if (Equals(Digits)) return "a digit";
        if (Equals(NonZeroDigits)) return "a digit 1-9";
        var letters = true;
        foreach (var c in Chars) letters &= char.IsLetter(c);
        if (Count <= 6) return "one of " + string.Join(", ", Chars.ToCharArray());
        if (letters)
        {
            var missing = new List<char>();
            for (var c = 'A'; c <= 'Z'; c++)
            {
                if (!Contains(c)) missing.Add(c);
            }
            return missing.Count == 0 ? "a letter"
                : missing.Count <= 10 ? "a letter other than " + string.Join(", ", missing)
                : "one of " + Chars;
        }
        return "one of " + Chars;
    }

    public bool Equals(CharSet? other) => other is not null && other.Chars == Chars;

    public override bool Equals(object? obj) => Equals(obj as CharSet);

    public override int GetHashCode() => Chars.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Chars;
}
