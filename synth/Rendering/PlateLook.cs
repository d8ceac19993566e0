using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// The per-plate look beyond its format: screws, wear, dirt, sheeting tint, the inspection sticker's colour, the
/// colour of the arms on a German registration seal (and of a French regional logo), and the department number a
/// French territorial band shows.
/// </summary>
public sealed record PlateLook(bool Screws, double Wear, double Dirt, ulong DirtSeed, double Sheen, SKColor StickerColor, SKColor ArmsColor, int BandNumber)
{
    /// <summary>Light characters on a dark plate: the plate's background and character colours swapped.</summary>
    public bool Inverted { get; init; }

    /// <summary>A line of small text below the characters of a plate with a header (a slogan, a county), or null.</summary>
    public string? Footer { get; init; }

    /// <summary>Non-zero: the seed of translucent coloured shapes drawn on the plate behind the characters.</summary>
    public ulong PictorialSeed { get; init; }

    /// <summary>Non-zero: the seed of a rectangle covering one or two characters (which, and its grey).</summary>
    public ulong OccluderSeed { get; init; }

    /// <summary>An emblem or stacked letters beside the characters, or null.</summary>
    public SideMark? SideMark { get; init; }

    /// <summary>A large opaque picture beside the characters, or null.</summary>
    public Silhouette? Silhouette { get; init; }

    /// <summary>A strong pictorial background (sky, ridge, band of scenery), or null.</summary>
    public Scenery? Scenery { get; init; }

    /// <summary>A dealer's name on the bottom bar of the plate's frame, when it has a frame with one; or null.</summary>
    public string? FrameText { get; init; }

    /// <summary>Registration stickers in the top corners (plates with a header), or null.</summary>
    public IReadOnlyList<Sticker>? Stickers { get; init; }

    /// <summary>The state name's and slogan's lettering, or null for the plain header and footer.</summary>
    public Lettering? Lettering { get; init; }

    /// <summary>Raised characters: the highlight and shadow offset as a share of the character height (0: flat print)
    /// and where the light comes from (radians, plate x right, y down).</summary>
    public double EmbossOffset { get; init; }
    public double EmbossLight { get; init; }

    /// <summary>Another font of the catalog to draw the characters in, or null for the template's own.</summary>
    public string? Font { get; init; }

    /// <summary>Bolder characters than the typeface's: how far each stroke grows on every side, as a share of the
    /// character height (0: the typeface's own weight).</summary>
    public double GlyphWeight { get; init; }

    /// <summary>How far a smooth random distortion moves each character's outline, as a share of the character
    /// height (0: the typeface's own shapes; <see cref="Synth.GlyphWarp"/>), and the stream its characters draw from.</summary>
    public double GlyphWarp { get; init; }
    public ulong GlyphWarpSeed { get; init; }

    /// <summary>The letter I drawn with slab serifs (the typeface's <see cref="Typeface.SerifI"/> share).</summary>
    public bool SerifI { get; init; }

    /// <summary>Factors on the typeface's character width, height and spacing (1: as the format file says).</summary>
    public double GlyphWidth { get; init; } = 1;
    public double GlyphHeight { get; init; } = 1;
    public double GlyphGap { get; init; } = 1;

    /// <summary>How far the characters spread over the room the plate leaves beside them: 0 centred at the typeface's
    /// spacing, 1 from margin to margin (the room goes into the gaps between them).</summary>
    public double Spread { get; init; }

    /// <summary>The template's typeface as this plate draws it: its font swapped and its sizes scaled. The gaps are
    /// scaled from the layout's defaults when the format gives none (the US, Germany): scaling the missing value
    /// left those plates' spacing unjittered, and the US model read real plates whose groups stand further apart with
    /// the character after the gap twice ("NJP857" as "NJP8857", runs/real-shipped14).</summary>
    public Typeface Apply(Typeface t) => Font is null && GlyphWidth == 1 && GlyphHeight == 1 && GlyphGap == 1 ? t : t with
    {
        Font = Font ?? t.Font,
        HeightMm = t.HeightMm * GlyphHeight,
        WidthMm = t.WidthMm * GlyphWidth * GlyphHeight,
        DigitWidthMm = t.DigitWidthMm * GlyphWidth * GlyphHeight,
        GapMm = PlateLayout.GapOf(t) * GlyphGap * GlyphHeight,
        GroupGapMm = PlateLayout.GroupGapOf(t) * GlyphGap * GlyphHeight,
    };

    /// <summary>The footers drawn: a fixed list, so the renderer's outline cache stays small; words of the kind
    /// printed under US serials, none of them a plate character's look-alike in size.</summary>
    public static readonly string[] Footers =
    [
        "Land of Lincoln", "ANTIQUE AUTO", "Sunshine State", "Great Lakes", "FIRST IN FLIGHT", "Live Free or Die",
        "Famous Potatoes", "Grand Canyon State", "MONONA", "Hamilton", "Vacationland", "The Empire State",
        "Keystone State", "Don't Mess With Texas", "DONATE LIFE", "visitPA.com", "The Natural State", "Heart of Dixie",
        "Peach State", "Wild, Wonderful", "COUNTY", "Spirit of America", "Show Me State", "Centennial",
    ];

    /// <summary>The dealers' names of plate frames: made-up names of the kinds printed on them, in several languages,
    /// a fixed list so the renderer's outline cache stays small.</summary>
    public static readonly string[] FrameTexts =
    [
        "AUTO SALES", "MOTORS", "AUTOHAUS", "CAR CENTER", "AUTO GROUP", "AUTOMOBILES", "GARAGE DU CENTRE",
        "www.cars-online.com", "FINANCE AVAILABLE", "SERVICE & PARTS", "BILCENTER", "CONCESSIONNAIRE",
        "www.autohaus-berg.de", "Valley Motors", "AUTOSALONE", "TALLER", "Main St. Auto", "bilhandel.se",
    ];

    public static readonly PlateLook Clean = new(false, 0, 0, 0, 0, new SKColor(0x2E, 0x8B, 0x57), new SKColor(0x9E, 0x3A, 0x32), 75);

    // Red, blue, green and black dominate the sixteen states' arms.
    private static readonly SKColor[] ArmsColors =
    [
        new(0x9E, 0x3A, 0x32), new(0x2F, 0x4F, 0x8F), new(0x3C, 0x6E, 0x47), new(0x40, 0x40, 0x40),
    ];

    private static readonly SKColor[] StickerColors =
    [
        new(0xE8, 0x9B, 0x1A), new(0x2E, 0x8B, 0x57), new(0x1F, 0x5F, 0xBF), new(0xD2, 0x4A, 0x8C),
        new(0x8B, 0x5A, 0x2B), new(0xE0, 0xD0, 0x20),
    ];

    public static PlateLook Sample(ref DeterministicRandom random) => new(
        Screws: random.NextDouble() < 0.4,
        Wear: random.NextDouble() < 0.3 ? random.Uniform(0, 1) : 0,
        Dirt: random.NextDouble() < 0.35 ? random.Uniform(0, 1) : 0,
        DirtSeed: random.NextUInt64(),
        Sheen: random.Uniform(0, 0.12),
        StickerColor: StickerColors[random.Next(StickerColors.Length)],
        ArmsColor: ArmsColors[random.Next(ArmsColors.Length)],
        BandNumber: random.NextInclusive(1, 95));
}
