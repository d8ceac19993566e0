namespace DeepPlate.Formats;

/// <summary>What a plate looks like: size, colours, bands and the kinds of its other elements. Units are millimetres.</summary>
/// <param name="Seals">What a seal gap (<c>_</c> in a pattern) holds.</param>
/// <param name="Header">What is printed above the characters.</param>
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
    string? Source,
    SealKind Seals = SealKind.Sticker,
    HeaderKind Header = HeaderKind.StateName)
{
    public double Aspect => WidthMm / HeightMm;
}

/// <summary>A band at the plate's edge: the EU band (stars and country code), the UK identifier, France's territorial band.</summary>
/// <param name="Content">What the band shows besides its stars.</param>
public sealed record BandStyle(string? Code, PlateColor Background, PlateColor Text, bool Stars, double WidthMm, BandContent Content = BandContent.Code);

/// <summary>What a band shows (data: <c>band.content</c>; formats/README.md, "Plate style").</summary>
public enum BandContent
{
    /// <summary>Nothing but its colour (and stars).</summary>
    Plain,
    /// <summary>The band's <c>code</c>: the EU band's nationality letters, the UK identifier.</summary>
    Code,
    /// <summary>A regional logo above a two-digit number: France's territorial identifier.</summary>
    Territorial,
    /// <summary>A two-digit year in a yellow circle: Italy's year band.</summary>
    Year,
}

/// <summary>What a seal gap holds (data: <c>seals</c>).</summary>
public enum SealKind
{
    /// <summary>One sticker with rounded corners (the Swedish tax sticker's place).</summary>
    Sticker,
    /// <summary>A round inspection plaque above a registration seal with the state's arms (German plates).</summary>
    PlaqueAndSeal,
}

/// <summary>What is printed above the characters (data: <c>header</c>).</summary>
public enum HeaderKind
{
    /// <summary>Nothing.</summary>
    None,
    /// <summary>On a state's plates, the state's name (with, now and then, a line of small words below the characters).</summary>
    StateName,
}

/// <summary>An alternative look the generator chooses with <see cref="Weight"/> (UK rear yellow, a state's older design).</summary>
public sealed record PlateVariant(string Name, double Weight, PlateStyle Style);
