using System.Globalization;

namespace DeepPlate.Inference.Report;

/// <summary>
/// What is said beside a valid plate that a notIssued rule marks: its notes, and the factor that ranked it below its
/// confidence. Public because the web page shows the same text: the server writes it with this rule and sends it
/// with the reading (as <see cref="ConfidenceText"/>), so screen and paper give the same reason in the same words.
/// </summary>
public static class ValidNoteText
{
    /// <summary>The notes and the ranking factor, or null for an ordinary plate (no notes, prior 1).</summary>
    public static string? For(ValidPlate plate)
    {
        if (plate.Notes.Count == 0) return null;
        // A note from a data file may end in its own full stop; the sentence that follows must not double it.
        var notes = string.Join("; ", plate.Notes.Select(n => n.Trim().TrimEnd('.')));
        return $"{notes}. Ranked by its confidence × {Factor(plate.Prior)}.";
    }

    // Three significant digits: a prior is a judgment (0.3, 0.05), and a product of two must not print as 0.006000000000000001.
    private static string Factor(double prior) => prior.ToString("G3", CultureInfo.InvariantCulture);
}
