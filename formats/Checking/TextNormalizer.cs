namespace DeepPlate.Formats;

/// <summary>Normalises what a user typed: upper case (any culture's lower case letters), trimmed, single spaces.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text.Trim())
        {
            if (char.IsWhiteSpace(raw))
            {
                space = true;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(char.ToUpperInvariant(raw));
        }
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
