using System.Collections.Concurrent;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// A <see cref="PlateFont"/> drawn from a TrueType/OpenType file (a Debian font package, or a user's own licensed
/// font). The cap height is measured, not trusted from the font's metrics: it is the ink of 'H' (top of the H to its
/// baseline), so every font lands on the same 0..1 scale.
/// </summary>
public sealed class TrueTypePlateFont : PlateFont, IDisposable
{
    // Outlines are taken at this size (pixels per em) and then scaled down; large enough that Skia's float
    // coordinates carry the outline exactly, and no hinting is applied.
    private const float OutlineSize = 1000f;

    private readonly object gate = new();
    private readonly SKTypeface typeface;
    private readonly SKFont font;
    private readonly ConcurrentDictionary<char, bool> has = new();
    private readonly float capTop;
    private readonly float capBottom;
    private readonly string fitToCap;

    /// <summary>Loads <paramref name="path"/> for the font id <paramref name="id"/>.</summary>
    /// <param name="id">the font id.</param>
    /// <param name="path">a TTF/OTF file.</param>
    /// <param name="fitToCap">characters whose ink is squeezed vertically to end on the baseline, for a text font
    /// standing in for a plate font where every character sits between baseline and cap height (Gill's descending
    /// J); the top of the ink stays where it is.</param>
    /// <exception cref="FileNotFoundException">no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">the file is not a font Skia can read, or it has no 'H' to measure.</exception>
    public TrueTypePlateFont(string id, string path, string? fitToCap = null) : base(id)
    {
        this.fitToCap = fitToCap ?? "";
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        if (!File.Exists(FilePath)) throw new FileNotFoundException($"font '{id}': no font file at {FilePath}", FilePath);
        typeface = SKTypeface.FromFile(FilePath)
            ?? throw new InvalidDataException($"font '{id}': {FilePath} is not a TrueType/OpenType font that Skia can read");
        font = new SKFont(typeface, OutlineSize)
        {
            Hinting = SKFontHinting.None,
            Subpixel = true,
            LinearMetrics = true,
            Edging = SKFontEdging.Antialias,
        };
        using var h = RawPath('H');
        if (h is null || h.IsEmpty)
        {
            throw new InvalidDataException($"font '{id}': {FilePath} has no 'H', so its cap height cannot be measured");
        }
        var ink = h.TightBounds;
        capTop = ink.Top;
        capBottom = ink.Bottom;
        FamilyName = typeface.FamilyName;
    }

    /// <summary>The absolute path of the font file.</summary>
    public string FilePath { get; }

    /// <summary>The family name in the font's name table (e.g. "Roadgeek 2014 Series C").</summary>
    public string FamilyName { get; }

    public override string Source => FilePath;

    public override bool Has(char c) => has.GetOrAdd(c, ch =>
    {
        using var p = RawPath(ch);
        return p is not null && !p.IsEmpty && p.TightBounds.Width > 0 && p.TightBounds.Height > 0;
    });

    protected override SKPath BuildGlyph(char c, out float top, out float bottom)
    {
        top = capTop;
        bottom = capBottom;
        var path = RawPath(c) ?? throw new MissingGlyphException(this, c);
        if (Umlauts.IndexOf(c) >= 0 && ComposeUmlaut(c, path) is { } composed)
        {
            path.Dispose();
            path = composed;
        }
        var ink = path.TightBounds;
        if (fitToCap.Contains(c) && ink.Bottom > capBottom && ink.Top < capBottom)
        {
            // y' = inkTop + (y - inkTop) * k, so the ink's bottom lands on the baseline.
            var k = (capBottom - ink.Top) / (ink.Bottom - ink.Top);
            path.Transform(new SKMatrix(1, 0, 0, 0, k, ink.Top * (1 - k), 0, 0, 1));
        }
        return path;
    }

    private const string Umlauts = "ÄÖÜ";
    private const string UmlautBases = "AOU";

    /// <summary>
    /// A font whose umlaut lacks its dots (OSP-DIN's Ö is a plain O) would put an O on a plate labelled Ö: the dots
    /// are taken from another umlaut of the same font (its glyph minus its base letter), centred over this one's base.
    /// Null when the glyph has its dots (ink above its base letter's) or no other umlaut has any.
    /// </summary>
    private SKPath? ComposeUmlaut(char c, SKPath glyph)
    {
        using var own = RawPath(UmlautBases[Umlauts.IndexOf(c)]);
        if (own is null || glyph.TightBounds.Top < own.TightBounds.Top - 0.02f * (capBottom - capTop)) return null;
        for (var i = 0; i < Umlauts.Length; i++)
        {
            if (Umlauts[i] == c) continue;
            using var donor = RawPath(Umlauts[i]);
            using var donorBase = RawPath(UmlautBases[i]);
            if (donor is null || donorBase is null || donor.TightBounds.Top >= donorBase.TightBounds.Top - 0.02f * (capBottom - capTop)) continue;
            // The dots: the donor's ink above its base letter's top.
            using var above = new SKPathBuilder();
            var b = donor.TightBounds;
            above.AddRect(new SKRect(b.Left - 1, b.Top - 1, b.Right + 1, donorBase.TightBounds.Top - 0.01f * (capBottom - capTop)), SKPathDirection.Clockwise);
            using var region = above.Detach();
            using var dots = donor.Op(region, SKPathOp.Intersect);
            if (dots is null || dots.IsEmpty) continue;
            dots.Transform(SKMatrix.CreateTranslation(own.TightBounds.MidX - donorBase.TightBounds.MidX, 0));
            return own.Op(dots, SKPathOp.Union);
        }
        return null;
    }

    // The glyph's outline at OutlineSize, baseline at y = 0, y down; null when the font maps c to no glyph.
    private SKPath? RawPath(char c)
    {
        lock (gate)
        {
            var glyph = font.GetGlyph(c);
            if (glyph == 0) return null;
            return font.GetGlyphPath(glyph);
        }
    }

    public void Dispose()
    {
        font.Dispose();
        typeface.Dispose();
    }
}
