using System.Text;
using System.Text.RegularExpressions;

namespace DeepPlate.Formats;

/// <summary>Builds and reads the regex that matches a template: one capture group per non-gap element.</summary>
internal static class TemplateRegex
{
    /// <summary>The characters a user may type between groups.</summary>
    public const string Separators = " -·.";

    public static Regex Build(IReadOnlyList<PatternElement> elements)
    {
        var sb = new StringBuilder("^");
        for (var e = 0; e < elements.Count; e++)
        {
            var element = elements[e];
            if (e > 0) sb.Append(SoftSeparator(Kind(elements[e - 1]), Kind(element)));
            switch (element)
            {
                case CharSlot s:
                    sb.Append("([");
                    foreach (var c in s.Set.Chars)
                    {
                        if (c is '\\' or ']' or '[' or '^' or '-') sb.Append('\\');
                        sb.Append(c);
                    }
                    sb.Append("]{").Append(s.Min).Append(',').Append(s.Max).Append("})");
                    break;
                case ListSlot l:
                    sb.Append('(');
                    sb.AppendJoin('|', l.List.Entries.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Select(Regex.Escape));
                    sb.Append(')');
                    break;
                case Gap:
                    sb.Append("([ \\-·.]?)");
                    break;
            }
        }
        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant);
    }

    // Where a run of letters meets a run of digits without a gap in the pattern, people still type a separator
    // ("AB 123 CD" for Italy's LL·DDDLL). It is not captured (it is no gap, so it says nothing about DIN or Euro),
    // and the lookarounds keep it between a letter and a digit, never inside a run ("UEM A 123" stays refused).
    private static string SoftSeparator(RunKind before, RunKind after) => (before, after) switch
    {
        (RunKind.Letters, RunKind.Digits) => @"(?:(?<=\p{L})[ \-·.](?=\p{Nd}))?",
        (RunKind.Digits, RunKind.Letters) => @"(?:(?<=\p{Nd})[ \-·.](?=\p{L}))?",
        _ => "",
    };

    private enum RunKind { None, Letters, Digits, Mixed }

    // A list counts as letters (digits) when every entry is all letters (digits); a set likewise.
    private static RunKind Kind(PatternElement element) => element switch
    {
        CharSlot s => KindOf(s.Set.Chars),
        ListSlot l => l.List.Entries.Select(t => KindOf(t)).Distinct().ToList() is [var only] ? only : RunKind.Mixed,
        _ => RunKind.None,
    };

    private static RunKind KindOf(IEnumerable<char> chars)
    {
        var list = chars.ToList();
        if (list.Count == 0) return RunKind.None;
        if (list.All(char.IsLetter)) return RunKind.Letters;
        return list.All(char.IsDigit) ? RunKind.Digits : RunKind.Mixed;
    }

    /// <summary>The canonical text of a match: <c>-</c> for a printed hyphen, one space for any other gap.</summary>
    public static string Canonical(IReadOnlyList<PatternElement> elements, Match match)
    {
        var sb = new StringBuilder();
        for (var e = 0; e < elements.Count; e++)
        {
            if (elements[e] is Gap gap) sb.Append(gap.Kind == GapKind.Hyphen ? '-' : ' ');
            else sb.Append(match.Groups[e + 1].Value);
        }
        return sb.ToString();
    }

    /// <summary>
    /// How many typed separators agree with the template's gaps (a hyphen where it prints one, a space where it
    /// leaves a gap): "K-AC 1234" reads as a DIN plate, "K AC 1234" as a Euro plate.
    /// </summary>
    public static int SeparatorAgreement(IReadOnlyList<PatternElement> elements, Match match)
    {
        var agree = 0;
        for (var e = 0; e < elements.Count; e++)
        {
            if (elements[e] is not Gap gap) continue;
            var typed = match.Groups[e + 1].Value;
            if (typed.Length == 0) continue;
            if ((typed == "-") == (gap.Kind == GapKind.Hyphen)) agree++;
            else agree--;
        }
        return agree;
    }
}
