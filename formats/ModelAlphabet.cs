namespace DeepPlate.Formats;

/// <summary>
/// What a country's model reads: its characters (every character any template allows) plus "no character", in
/// <see cref="Slots"/> left-aligned slots (the longest plate). Derived from the formats here and nowhere else.
/// </summary>
public sealed record ModelAlphabet(string Characters, int Slots)
{
    /// <summary>The class index of "no character": the last one.</summary>
    public int Blank => Characters.Length;

    /// <summary>Number of classes per slot, "no character" included.</summary>
    public int Classes => Characters.Length + 1;

    public static ModelAlphabet For(CountryFormat country)
    {
        var chars = CharSet.Of(country.Templates.SelectMany(t => t.Alphabet.Chars));
        // Digits, then A-Z, then the rest (Ä Ö Ü): a fixed order that does not depend on file order.
        var ordered = chars.Chars.Where(char.IsAsciiDigit)
            .Concat(chars.Chars.Where(char.IsAsciiLetterUpper))
            .Concat(chars.Chars.Where(c => !char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c)));
        return new ModelAlphabet(new string([.. ordered]), country.Templates.Max(t => t.MaxLength));
    }

    public int IndexOf(char c)
    {
        var i = Characters.IndexOf(c);
        return i >= 0 ? i : throw new ArgumentException($"'{c}' is not in the alphabet {Characters}");
    }

    /// <summary>The class index of each slot for a compact text: its characters left-aligned, then "no character".</summary>
    public int[] Encode(string compact)
    {
        if (compact.Length > Slots) throw new ArgumentException($"'{compact}' has more than {Slots} characters");
        var labels = new int[Slots];
        for (var i = 0; i < Slots; i++) labels[i] = i < compact.Length ? IndexOf(compact[i]) : Blank;
        return labels;
    }

    /// <summary>The character of a class index, or null for "no character".</summary>
    public char? CharOf(int index) => index == Blank ? null : Characters[index];
}
