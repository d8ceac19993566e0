using System.Text.RegularExpressions;

namespace DeepPlate.Formats;

public enum TemplateStatus
{
    /// <summary>Still issued.</summary>
    Current,
    /// <summary>No longer issued, still on the road.</summary>
    Legacy,
}

/// <summary>One character structure of a country's (or US state's) plates, with its look and its sources.</summary>
public sealed record PlateTemplate(
    string Country,
    string? State,
    string Id,
    string Name,
    string Pattern,
    string Example,
    TemplateStatus Status,
    double Weight,
    string Source,
    bool Verified,
    string? Note,
    int? MaxChars,
    IReadOnlyList<PatternElement> Elements,
    IReadOnlyList<NotIssuedRule> NotIssued,
    PlateStyle Plate,
    Typeface Typeface)
{
    /// <summary>The id users and files name it by: <c>siv</c>, or <c>ca/current</c> for a US state.</summary>
    public string QualifiedId => State is null ? Id : $"{State}/{Id}";

    /// <summary>Matches normalised text (upper case, single spaces) with optional separators at the gaps.</summary>
    internal Regex Matcher { get; } = TemplateRegex.Build(Elements);

    /// <summary>Every fixed-length expansion of the pattern (variable repeats and list tokens of each length).</summary>
    public IReadOnlyList<TemplateShape> Shapes { get; } = TemplateShape.Expand(Elements, MaxChars);

    /// <summary>Fewest characters a plate of this template has.</summary>
    public int MinLength => Shapes.Min(s => s.Length);

    /// <summary>Most characters a plate of this template has.</summary>
    public int MaxLength => Shapes.Max(s => s.Length);

    /// <summary>Every character that can appear on this template's plates.</summary>
    public CharSet Alphabet => alphabet ??= CharSet.Of(Shapes.SelectMany(s => s.Positions).SelectMany(p => p.Chars));

    private CharSet? alphabet;

    /// <summary>
    /// The characters allowed at each position, for a reader that fills <paramref name="slots"/> left-aligned slots:
    /// the union over all shapes; <c>CanBeEmpty[i]</c> where some shape is shorter than i + 1.
    /// </summary>
    public (CharSet?[] Allowed, bool[] CanBeEmpty) PositionSets(int slots)
    {
        var sets = new HashSet<char>[slots];
        var empty = new bool[slots];
        foreach (var shape in Shapes)
        {
            for (var i = 0; i < slots; i++)
            {
                if (i < shape.Length) (sets[i] ??= []).UnionWith(shape.Positions[i].Chars);
                else empty[i] = true;
            }
        }
        var allowed = new CharSet?[slots];
        for (var i = 0; i < slots; i++) allowed[i] = sets[i] is null ? null : CharSet.Of(sets[i]);
        return (allowed, empty);
    }
}
