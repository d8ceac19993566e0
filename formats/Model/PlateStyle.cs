namespace DeepPlate.Formats;

/// <summary>What a plate looks like: size, colours, bands. Units are millimetres.</summary>
public sealed record PlateStyle(
    double WidthMm,
    double HeightMm,
    double CornerRadiusMm,
    PlateColor Background,
    PlateColor Text,
    PlateColor? Border,
    double BorderMm,
    BandStyle? Band,
    BandStyle? RightBand,
    IReadOnlyList<PlateVariant> Variants,
    string? Source)
{
    public double Aspect => WidthMm / HeightMm;
}

/// <summary>A band at the plate's edge: the EU band (stars and country code), the UK identifier, France's territorial band.</summary>
public sealed record BandStyle(string? Code, PlateColor Background, PlateColor Text, bool Stars, double WidthMm);

/// <summary>An alternative look the generator chooses with <see cref="Weight"/> (UK rear yellow, a state's older design).</summary>
public sealed record PlateVariant(string Name, double Weight, PlateStyle Style);
