namespace DeepPlate.Training.Evaluation.Real;

/// <summary>
/// How a reading of a real photo is scored against its label (../shared/realdev/README.md, "How to score"): `?` in
/// the label is a character hidden in the photo and matches any character or none; <c>O</c>/<c>0</c> and
/// <c>I</c>/<c>1</c> count as equal (plates print them alike, and labels disagree on them).
/// </summary>
public static class RealScoring
{
    /// <summary>The character a label and a reading are compared by.</summary>
    public static char Fold(char c) => char.ToUpperInvariant(c) switch
    {
        'O' => '0',
        'I' => '1',
        var u => u,
    };

    /// <summary>The label's visible characters (its <c>?</c> are not counted).</summary>
    public static int Characters(string truth) => truth.Count(c => c != '?');

    /// <summary>
    /// Levenshtein distance from the label to the reading, where a label's <c>?</c> costs nothing to substitute or
    /// to delete (it matches any character or none).
    /// </summary>
    public static int Distance(string truth, string read)
    {
        Span<int> previous = stackalloc int[read.Length + 1];
        Span<int> current = stackalloc int[read.Length + 1];
        for (var j = 0; j <= read.Length; j++) previous[j] = j;
        for (var i = 1; i <= truth.Length; i++)
        {
            var t = truth[i - 1];
            var wild = t == '?';
            var ft = Fold(t);
            current[0] = previous[0] + (wild ? 0 : 1);
            for (var j = 1; j <= read.Length; j++)
            {
                var substitute = previous[j - 1] + (wild || ft == Fold(read[j - 1]) ? 0 : 1);
                var delete = previous[j] + (wild ? 0 : 1);
                var insert = current[j - 1] + 1;
                current[j] = Math.Min(substitute, Math.Min(delete, insert));
            }
            current.CopyTo(previous);
        }
        return previous[read.Length];
    }

    /// <summary>1 − distance / characters, floored at 0: the share of the plate read right.</summary>
    public static double CharacterAccuracy(string truth, string read)
    {
        var n = Characters(truth);
        return n == 0 ? 0 : Math.Max(0, 1 - (double)Distance(truth, read) / n);
    }

    /// <summary>Whether the reading is the plate: every character right, none missing or extra.</summary>
    public static bool Matches(string truth, string read) => Distance(truth, read) == 0;

    /// <summary>
    /// Per position of a reading as long as the label, whether it is right (a <c>?</c> is right whatever was read);
    /// null when the lengths differ and positions cannot be paired.
    /// </summary>
    public static bool[]? PositionsRight(string truth, string read)
    {
        if (truth.Length != read.Length) return null;
        var right = new bool[truth.Length];
        for (var i = 0; i < truth.Length; i++) right[i] = truth[i] == '?' || Fold(truth[i]) == Fold(read[i]);
        return right;
    }

    /// <summary>
    /// The confidences of a reading that its label can check: the top plate's with the positions the label hides
    /// divided out, and the characters' at the visible positions. A <c>?</c> is a character hidden in the photo (a
    /// redaction box): the model is rightly unsure of it and it counts as right whatever is read, so its confidence says
    /// nothing about whether the model's confidence is honest. A reading not as long as its label pairs no position:
    /// its confidences are all kept.
    /// </summary>
    public static (double Plate, float[] Characters) Checkable(string truth, string read, double plate, float[] characters)
    {
        if (!truth.Contains('?') || truth.Length != read.Length || characters.Length != read.Length) return (plate, characters);
        var visible = new List<float>(characters.Length);
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] != '?') visible.Add(characters[i]);
            else if (characters[i] > 0) plate /= characters[i];
        }
        return (Math.Min(1, plate), [.. visible]);
    }
}
