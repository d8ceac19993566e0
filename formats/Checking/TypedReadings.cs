using System.Text;

namespace DeepPlate.Formats;

/// <summary>
/// Other readings of a typed text that fits no template as typed: umlauts typed as two letters (AE, OE, UE) where
/// the templates use the umlaut, and O/0, I/1 typed for each other at a position that allows only the other one
/// (never inside a list token, where both may be real: a district code is letters, whatever it looks like).
/// Fewest changes first; each reading names its changes.
/// </summary>
internal static class TypedReadings
{
    public sealed record Reading(string Text, IReadOnlyList<string> Notes);

    private static readonly (string Typed, char Umlaut)[] Umlauts = [("AE", 'Ä'), ("OE", 'Ö'), ("UE", 'Ü')];

    private static readonly (char A, char B)[] Confusables = [('O', '0'), ('I', '1')];

    /// <summary>Most digraphs replaced in one text: 2^n readings, and no plate holds more than a few.</summary>
    private const int MaxDigraphs = 4;

    public static IEnumerable<Reading> Of(string normal, IReadOnlyList<PlateTemplate> templates)
    {
        var alphabet = CharSet.Of(templates.SelectMany(t => t.Alphabet.Chars));
        var umlauts = UmlautReadings(normal, alphabet).ToList();
        foreach (var u in umlauts) yield return u;
        var seen = new HashSet<string>(StringComparer.Ordinal) { normal };
        foreach (var u in umlauts) seen.Add(u.Text);
        foreach (var start in umlauts.Prepend(new Reading(normal, [])))
        {
            foreach (var c in ConfusableReadings(start, templates))
            {
                if (seen.Add(c.Text)) yield return c;
            }
        }
    }

    private static IEnumerable<Reading> UmlautReadings(string normal, CharSet alphabet)
    {
        var found = new List<(int At, string Typed, char Umlaut)>();
        for (var i = 0; i + 1 < normal.Length && found.Count < MaxDigraphs; i++)
        {
            foreach (var (typed, umlaut) in Umlauts)
            {
                if (!alphabet.Contains(umlaut) || string.CompareOrdinal(normal, i, typed, 0, 2) != 0) continue;
                found.Add((i, typed, umlaut));
                i++;
                break;
            }
        }
        // Every non-empty subset, fewest replacements first.
        var subsets = Enumerable.Range(1, (1 << found.Count) - 1).OrderBy(m => System.Numerics.BitOperations.PopCount((uint)m)).ThenBy(m => m);
        foreach (var mask in subsets)
        {
            var sb = new StringBuilder();
            var notes = new List<string>();
            var from = 0;
            for (var j = 0; j < found.Count; j++)
            {
                if ((mask & (1 << j)) == 0) continue;
                var (at, typed, umlaut) = found[j];
                sb.Append(normal, from, at - from).Append(umlaut);
                from = at + 2;
                notes.Add($"read '{typed}' as '{umlaut}'");
            }
            sb.Append(normal, from, normal.Length - from);
            yield return new Reading(sb.ToString(), notes);
        }
    }

    // Per template shape of the text's length: each O/0/I/1 its position does not allow, replaced by its partner
    // where the position allows that one.
    private static IEnumerable<Reading> ConfusableReadings(Reading start, IReadOnlyList<PlateTemplate> templates)
    {
        var text = start.Text;
        var at = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!TemplateRegex.Separators.Contains(text[i])) at.Add(i);
        }
        foreach (var template in templates)
        {
            foreach (var shape in template.Shapes)
            {
                if (shape.Length != at.Count) continue;
                char[]? changed = null;
                var notes = new List<string>(start.Notes);
                var fits = true;
                for (var p = 0; p < shape.Length && fits; p++)
                {
                    var c = text[at[p]];
                    var set = shape.Positions[p];
                    if (set.Contains(c)) continue;
                    // The reading must fit this shape everywhere, or it would smuggle a change into another
                    // template's list token (B0 read as Bochum's BO because some other shape has a letter there).
                    fits = template.Elements[shape.ElementIndex[p]] is not ListSlot && Partner(c) is char other && set.Contains(other);
                    if (!fits) break;
                    changed ??= text.ToCharArray();
                    changed[at[p]] = Partner(c)!.Value;
                    notes.Add($"read '{c}' as '{Partner(c)}' at position {p + 1}");
                }
                if (fits && changed is not null) yield return new Reading(new string(changed), notes);
            }
        }
    }

    private static char? Partner(char c)
    {
        foreach (var (a, b) in Confusables)
        {
            if (c == a) return b;
            if (c == b) return a;
        }
        return null;
    }
}
