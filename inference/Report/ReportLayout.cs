namespace DeepPlate.Inference.Report;

/// <summary>
/// The report's page geometry and type sizes, in points (1/72 inch). <see cref="A4"/> is what users get; tests pass
/// a small page to make the results run onto page 3 and beyond.
/// </summary>
/// <param name="CandidateColumns">Columns the 60 candidates are listed in, side by side.</param>
internal sealed record ReportLayout(float PageWidth, float PageHeight, float Margin, float TextSize = 9.5f, int CandidateColumns = 2)
{
    /// <summary>A4 (210 x 297 mm) with 2 cm margins.</summary>
    public static ReportLayout A4 { get; } = new(595.28f, 841.89f, 56.7f);

    public float ContentWidth => PageWidth - 2 * Margin;

    public float Top => Margin;

    /// <summary>Where content ends; the footer line sits in the bottom margin.</summary>
    public float Bottom => PageHeight - Margin;

    public float SmallSize => TextSize * 0.8f;

    public float HeadingSize => TextSize * 1.3f;

    public float TitleSize => TextSize * 2f;

    /// <summary>Line height for a type size.</summary>
    public static float Leading(float size) => size * 1.3f;
}
