using System.Text;

namespace DeepPlate.Inference.Report;

/// <summary>
/// Greedy line breaking for the report: words go on a line while they fit the width, a word wider than a whole line
/// (a SHA-256, a long file name without spaces) is cut between characters, explicit line breaks are kept, and text
/// beyond <c>maxLines</c> is cut with an ellipsis so a user's long text can never push the report's layout around.
/// The width is whatever <c>measure</c> says (points of a typeface at a size), so it is tested without a PDF.
/// </summary>
internal static class TextWrapper
{
    public const string Ellipsis = "…";

    /// <summary>The lines of <paramref name="text"/>, each at most <paramref name="width"/> wide by
    /// <paramref name="measure"/>; at most <paramref name="maxLines"/> of them, the last ending in an ellipsis when
    /// text was left out. Runs of spaces become one space; empty text gives no line.</summary>
    public static List<string> Wrap(string text, float width, Func<string, float> measure, int maxLines = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLines);
        var lines = new List<string>();
        var cut = false;
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                var joined = line.Length == 0 ? word : line + " " + word;
                if (measure(joined) <= width)
                {
                    line.Clear().Append(joined);
                    continue;
                }
                if (line.Length > 0) lines.Add(line.ToString());
                line.Clear();
                // A word wider than a line: as many characters per line as fit (at least one, so it always ends).
                var rest = word;
                while (measure(rest) > width)
                {
                    var n = Fitting(rest, width, measure);
                    lines.Add(rest[..n]);
                    rest = rest[n..];
                }
                line.Append(rest);
            }
            if (line.Length > 0) lines.Add(line.ToString());
            if (lines.Count > maxLines)
            {
                cut = true;
                break;
            }
        }
        if (lines.Count > maxLines)
        {
            lines.RemoveRange(maxLines, lines.Count - maxLines);
            cut = true;
        }
        if (cut) lines[^1] = WithEllipsis(lines[^1], width, measure);
        return lines;
    }

    /// <summary>One line: the text itself when it fits, else as much of it as fits with an ellipsis.</summary>
    public static string Truncate(string text, float width, Func<string, float> measure)
    {
        var line = text.ReplaceLineEndings(" ");
        return measure(line) <= width ? line : WithEllipsis(line, width, measure);
    }

    private static string WithEllipsis(string line, float width, Func<string, float> measure)
    {
        var kept = line.TrimEnd();
        while (kept.Length > 0 && measure(kept + Ellipsis) > width) kept = kept[..^1].TrimEnd();
        return kept + Ellipsis;
    }

    /// <summary>How many leading characters of <paramref name="word"/> fit the width: at least one. Binary search,
    /// as the width of a prefix grows with its length.</summary>
    private static int Fitting(string word, float width, Func<string, float> measure)
    {
        int lo = 1, hi = word.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (measure(word[..mid]) <= width) lo = mid;
            else hi = mid - 1;
        }
        // Never split a surrogate pair.
        if (lo < word.Length && char.IsHighSurrogate(word[lo - 1])) lo += lo > 1 ? -1 : 1;
        return lo;
    }
}
