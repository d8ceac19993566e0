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

    /// <summary>How much of the room the plate leaves beside its characters goes into the gaps between their groups on
    /// every plate (0: centred at the typeface's pitch; 1: from margin to margin; between every character where the
    /// template has no gap): a template with fewer characters than the plate it shares is set across that plate, not
    /// centred (France's W garage plates).</summary>
    public double Spread { get; init; }
}
