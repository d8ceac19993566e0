using DeepPlate.Formats;
using DeepPlate.Synth;

namespace DeepPlate.Training.Evaluation.Ceiling;

/// <summary>
/// The ideal observer of a grid cell: it knows the typeface, the plate's layout, its look, the camera and the exact
/// place of every character, and only has to tell which character stands at each position. For each position it
/// renders the same plate with every character the template allows there, through the cell's blur, light, scaling
/// and JPEG but without noise (the templates), and picks the template nearest to the degraded test plate in squared
/// difference: the most likely one under white Gaussian noise (a matched filter; what JPEG does to the noise is
/// taken as part of the noise, so with noise and JPEG together the observer is near-ideal rather than ideal). No reader that sees only the picture can do better than an observer that knows all that, so its accuracy
/// is a ceiling for the cell: a model above it means the ceiling is wrong.
/// </summary>
public static class IdealObserver
{
    /// <summary>Characters and how many of them the observer gets right, for one plate of a cell.</summary>
    public static (int Characters, int Right) Classify(PlateGenerator generator, string country, ulong seed, long index, Degradations cell)
    {
        using var test = generator.Generate(country, null, seed, index, fix: _ => cell);
        var compact = test.Text.Compact;
        var sets = Positions(test.Text);
        var clean = cell with { SnrDb = null };
        var right = 0;
        for (var k = 0; k < compact.Length; k++)
        {
            var best = double.MaxValue;
            var bestChar = '\0';
            foreach (var c in sets[k].Chars)
            {
                var position = k;
                using var template = generator.Generate(country, null, seed, index, fix: _ => clean, retext: t => Replace(t, position, c));
                var d = Distance(test.Scene.Pixels, template.Scene.Pixels);
                // Ties (a character the degradation erased completely) go to the first candidate, like a guess.
                if (d < best)
                {
                    best = d;
                    bestChar = c;
                }
            }
            if (bestChar == compact[k]) right++;
        }
        return (compact.Length, right);
    }

    /// <summary>The characters the plate's template allows at each position of its text.</summary>
    public static IReadOnlyList<CharSet> Positions(PlateText text)
    {
        var compact = text.Compact;
        foreach (var shape in text.Template.Shapes)
        {
            if (shape.Length != compact.Length) continue;
            var fits = true;
            for (var i = 0; i < compact.Length && fits; i++) fits = shape.Positions[i].Contains(compact[i]);
            if (fits) return shape.Positions;
        }
        throw new InvalidOperationException($"'{text.Text}' fits no shape of its template {text.Template.Id}");
    }

    /// <summary>The text with its <paramref name="position"/>-th character (separators not counted) replaced.</summary>
    public static PlateText Replace(PlateText text, int position, char c)
    {
        var printed = text.Text.ToCharArray();
        var seen = -1;
        for (var i = 0; i < printed.Length; i++)
        {
            if (printed[i] is ' ' or '-') continue;
            if (++seen != position) continue;
            printed[i] = c;
            break;
        }
        var compact = text.Compact.ToCharArray();
        compact[position] = c;
        return text with { Text = new string(printed), Compact = new string(compact) };
    }

    private static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
