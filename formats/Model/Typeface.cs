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
    string? Source);
