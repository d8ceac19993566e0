namespace DeepPlate.Formats;

/// <summary>
/// Normalises what a user typed: upper case (any culture's lower case letters), trimmed, and each run of separators
/// typed together (" - ", "  ") as one: a hyphen if the run holds one (it carries meaning on DIN plates), else its
/// first character.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        char? pending = null;
        foreach (var raw in text.Trim())
        {
            var c = char.IsWhiteSpace(raw) ? ' ' : char.ToUpperInvariant(raw);
            if (TemplateRegex.Separators.Contains(c))
            {
                if (pending is null || c == '-') pending = pending == '-' ? '-' : c;
                continue;
            }
            if (pending is char separator && sb.Length > 0) sb.Append(separator);
            pending = null;
            sb.Append(c);
        }
        if (pending is char last && sb.Length > 0) sb.Append(last);
        return sb.ToString();
    }

    /// <summary>The characters alone, without separators.</summary>
    public static string Compact(string text)
    {
        var normal = Normalize(text);
        var sb = new System.Text.StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (!TemplateRegex.Separators.Contains(c)) sb.Append(c);
        }
        return sb.ToString();
    }
}
