using System.Globalization;
using System.Text;

namespace DeepPlate.Training.Evaluation;

/// <summary>
/// confusion.csv: a row per true character, a column per class read (the last, "none", is "no character": a
/// dropped character), counts over every character position of the grid.
/// </summary>
public static class ConfusionCsv
{
    public static void Write(CharacterConfusion confusion, string path)
    {
        var alphabet = confusion.Alphabet;
        var csv = new StringBuilder("true\\read");
        foreach (var c in alphabet) csv.Append(',').Append(c);
        csv.Append(",none\n");
        for (var t = 0; t < alphabet.Length; t++)
        {
            csv.Append(alphabet[t]);
            foreach (var n in confusion.Counts[t]) csv.Append(',').Append(n.ToString(CultureInfo.InvariantCulture));
            csv.Append('\n');
        }
        File.WriteAllText(path, csv.ToString());
    }
}
