namespace DeepPlate.Formats;

/// <summary>The plate's lettering: which font draws it and its documented dimensions in millimetres.</summary>
public sealed record Typeface(
    string Name,
    string Font,
    double HeightMm,
    double WidthMm,
    double? DigitWidthMm,
    double? StrokeMm,
    double? GapMm,
    double? GroupGapMm,
    string? Source)
{
    /// <summary>The share of plates whose letter I has bars at its top and bottom (slab serifs), whatever the font draws:
    /// dies and fonts that must tell I from 1 mark it so. 0: the font's own I.</summary>
    public double SerifI { get; init; }
}
