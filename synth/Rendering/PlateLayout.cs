using DeepPlate.Formats;

namespace DeepPlate.Synth;

/// <summary>Where each character and separator of a plate text goes, in millimetres on the plate.</summary>
public sealed record PlateLayout(IReadOnlyList<PlacedGlyph> Glyphs, IReadOnlyList<PlacedGap> Gaps, double CharHeightMm, double TextTopMm)
{
    /// <summary>Gap between characters when the typeface gives none, as a share of the character height.</summary>
    private const double DefaultGap = 0.09;

    /// <summary>Gap between groups when the typeface gives none, as a share of the character height.</summary>
    private const double DefaultGroupGap = 0.40;

    /// <summary>The typeface's gap between characters, in millimetres: its own or the default.</summary>
    public static double GapOf(Typeface typeface) => typeface.GapMm ?? DefaultGap * typeface.HeightMm;

    /// <summary>The typeface's gap between groups, in millimetres: its own or the default.</summary>
    public static double GroupGapOf(Typeface typeface) => typeface.GroupGapMm ?? DefaultGroupGap * typeface.HeightMm;

    /// <summary>
    /// The seal field from ink to ink, as a share of the character height: a sticker column about half the height
    /// wide (German inspection plaque 35 mm, registration seal about 38 mm, next to 75 mm characters; the seal's size is
    /// judgment, unverified) with about 16 mm of clear plate on either side, as photos of German plates show.
    /// </summary>
    public const double SealField = 0.95;

    /// <summary>The rectangle the characters fill, in plate millimetres: from the first cell's left edge to the last
    /// one's right edge, from the top of the characters to their foot.</summary>
    public (double Left, double Top, double Right, double Bottom) TextBox =>
        (Glyphs.Min(g => g.CentreXMm - g.CellWidthMm / 2), TextTopMm, Glyphs.Max(g => g.CentreXMm + g.CellWidthMm / 2), TextTopMm + CharHeightMm);

    /// <summary>The characters' height: the typeface's, unless the plate (less its header) is too low for it.</summary>
    public static double CharHeightFor(PlateStyle plate, Typeface typeface, double headerMm = 0) =>
        Math.Min(typeface.HeightMm, (plate.HeightMm - headerMm) * 0.82);

    /// <summary>
    /// Lays out the canonical text (<c>-</c> hyphen, space gap) in monospaced cells whose widths come from the
    /// typeface, centred in the space the bands leave; condensed horizontally when it would not fit, as plate makers
    /// switch to a narrower cut (German Engschrift) for long registrations.
    /// </summary>
    /// <param name="leftAsideMm">Room kept free on the left of the characters (for a <see cref="SideMark"/>, a
    /// <see cref="Silhouette"/>).</param>
    /// <param name="rightAsideMm">Room kept free on their right.</param>
    /// <param name="spread">The share of the room left beside a text that fits which goes into the gaps between its
    /// characters instead (0: centred as set; 1: from margin to margin), as makers spread short serials; after the
    /// typeface's own <see cref="Typeface.Spread"/>, which every plate of its template has.</param>
    public static PlateLayout Create(PlateText text, PlateStyle plate, Typeface typeface, double headerMm = 0, double leftAsideMm = 0, double rightAsideMm = 0,
        double spread = 0)
    {
        var height = CharHeightFor(plate, typeface, headerMm);
        var shrink = height / typeface.HeightMm;
        var letterW = typeface.WidthMm * shrink;
        var digitW = (typeface.DigitWidthMm ?? typeface.WidthMm) * shrink;
        var gap = GapOf(typeface) * shrink;
        var groupGap = GroupGapOf(typeface) * shrink;

        // Gaps in the canonical text stand for the template's gaps, in order.
        var gapKinds = text.Template.Elements.OfType<Gap>().Select(g => g.Kind).ToList();
        var items = new List<(char? Char, GapKind? Gap, double Width)>();
        var gapIndex = 0;
        foreach (var c in text.Text)
        {
            if (c is ' ' or '-')
            {
                var kind = gapIndex < gapKinds.Count ? gapKinds[gapIndex] : (c == '-' ? GapKind.Hyphen : GapKind.Space);
                gapIndex++;
                var width = kind switch
                {
                    GapKind.Hyphen => letterW * 0.55 + gap,
                    GapKind.Seal => Math.Max(groupGap, SealField * height - gap),
                    GapKind.Emblem => Math.Max(groupGap, letterW * 0.6),
                    _ => groupGap,
                };
                items.Add((null, kind, width));
            }
            else
            {
                items.Add((c, null, (char.IsAsciiDigit(c) ? digitW : letterW) + gap));
            }
        }

        var left = (plate.Band?.WidthMm ?? 0) + leftAsideMm;
        var right = (plate.RightBand?.WidthMm ?? 0) + rightAsideMm;
        var margin = Margin(plate);
        var available = plate.WidthMm - left - right - 2 * margin;
        var total = items.Sum(i => i.Width) - gap;
        var condense = Math.Min(1.0, available / total);
        var room = available - total * condense;
        // A template set across its plate (Typeface.Spread) widens the gaps between its groups, which keep their pitch
        // (France's W garage plates: the W where an SIV plate's letter pair stands); the look's spread then shares
        // what room is left among all the characters.
        var groups = items.Count(i => i.Gap is not null);
        var widen = groups > 0 ? typeface.Spread * room / groups : 0;
        if (groups == 0) spread = Math.Max(spread, typeface.Spread);
        room -= widen * groups;
        var extra = items.Count > 1 ? spread * room / (items.Count - 1) : 0;
        var x = left + margin + (room - extra * (items.Count - 1)) / 2;
        var top = headerMm + (plate.HeightMm - headerMm - height) / 2;

        var glyphs = new List<PlacedGlyph>();
        var gaps = new List<PlacedGap>();
        foreach (var (c, kind, width) in items)
        {
            var w = width * condense;
            if (c is char ch)
            {
                var cell = (char.IsAsciiDigit(ch) ? digitW : letterW) * condense;
                glyphs.Add(new PlacedGlyph(ch, x + cell / 2, cell));
            }
            else
            {
                // A widened gap keeps its separator's size, in its middle.
                gaps.Add(new PlacedGap(kind!.Value, x + widen / 2 - gap * condense / 2, w));
                x += widen;
            }
            x += w + extra;
        }
        return new PlateLayout(glyphs, gaps, height, top);
    }

    /// <summary>The clear margin between the plate's edge (or band) and its characters.</summary>
    public static double Margin(PlateStyle plate) => Math.Max(plate.BorderMm, 2) + 0.03 * plate.HeightMm;
}

/// <summary>A character centred at <see cref="CentreXMm"/> in a cell <see cref="CellWidthMm"/> wide.</summary>
public sealed record PlacedGlyph(char Char, double CentreXMm, double CellWidthMm);

/// <summary>A separator starting at <see cref="LeftMm"/>, <see cref="WidthMm"/> wide.</summary>
public sealed record PlacedGap(GapKind Kind, double LeftMm, double WidthMm);
