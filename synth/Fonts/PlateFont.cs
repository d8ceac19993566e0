using System.Collections.Concurrent;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// A plate typeface reduced to what the renderer needs: the ink outline of each character, normalised so that the
/// cap height spans y = 0 (top) to y = 1 (baseline) and the ink is horizontally centred on x = 0. Advance widths,
/// side bearings and kerning are deliberately dropped: the renderer sets every character in a monospaced cell whose
/// width comes from the country's typeface (mm values in the formats data), so only the ink shape matters. Ink may
/// reach above y = 0 (umlaut dots in fonts that put them above the cap height) or below y = 1 (a Q's tail).
/// </summary>
/// <remarks>
/// Glyphs are built once per character and cached; every method is thread-safe. <see cref="Glyph"/> returns a new
/// copy that the caller owns (and should dispose); the cached original is never handed out.
/// </remarks>
public abstract class PlateFont
{
    private readonly ConcurrentDictionary<char, Lazy<SKPath>> cache = new();

    protected PlateFont(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The font id used by the formats data (<c>typeface.font</c>), e.g. <c>fe-schrift</c>.</summary>
    public string Id { get; }

    /// <summary>Where the outlines come from (a font file path, or the project's outline data file), for messages.</summary>
    public abstract string Source { get; }

    /// <summary>Whether the font has a glyph with visible ink for <paramref name="c"/>.</summary>
    public abstract bool Has(char c);

    /// <summary>
    /// The normalised ink outline of <paramref name="c"/> (cap height 0..1, ink centred on x = 0), as a new path the
    /// caller owns. Throws <see cref="MissingGlyphException"/> when the font has no such glyph.
    /// </summary>
    public SKPath Glyph(char c) => new(Cached(c));

    /// <summary>The tight ink bounds of <see cref="Glyph"/> (normalised units), without copying the path.</summary>
    public SKRect InkBounds(char c) => Cached(c).TightBounds;

    private SKPath Cached(char c)
    {
        if (!Has(c)) throw new MissingGlyphException(this, c);
        var lazy = cache.GetOrAdd(c, ch => new Lazy<SKPath>(() => BuildNormalized(ch), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<char, Lazy<SKPath>>(c, lazy));
            throw;
        }
    }

    private SKPath BuildNormalized(char c)
    {
        var path = BuildGlyph(c, out var capTop, out var capBottom);
        if (path.IsEmpty) throw new MissingGlyphException(this, c);
        return Normalize(path, capTop, capBottom);
    }

    /// <summary>
    /// Builds the raw outline of <paramref name="c"/> in the font's own units (y down), and tells where that font's cap
    /// height lies (<paramref name="capTop"/> above <paramref name="capBottom"/>, both in the same units). Called at most
    /// once per character (the base class caches and normalises); the returned path is taken over.
    /// </summary>
    protected abstract SKPath BuildGlyph(char c, out float capTop, out float capBottom);

    /// <summary>Scales and moves <paramref name="path"/> in place: cap top → 0, baseline → 1, ink centre → x = 0.</summary>
    protected static SKPath Normalize(SKPath path, float capTop, float capBottom)
    {
        var height = capBottom - capTop;
        if (!(height > 0)) throw new InvalidOperationException($"cap height must be positive (top {capTop}, bottom {capBottom})");
        var s = 1f / height;
        var ink = path.TightBounds;
        var cx = (ink.Left + ink.Right) / 2;
        // x' = (x - cx) * s, y' = (y - capTop) * s
        path.Transform(new SKMatrix(s, 0, -cx * s, 0, s, -capTop * s, 0, 0, 1));
        return path;
    }

    public override string ToString() => $"{Id} ({Source})";
}

/// <summary>A character the font cannot draw.</summary>
public sealed class MissingGlyphException(PlateFont font, char c)
    : InvalidOperationException($"font '{font.Id}' ({font.Source}) has no glyph for '{c}' (U+{(int)c:X4})")
{
    public string FontId { get; } = font.Id;
    public char Char { get; } = c;
}
