using System.Globalization;
using System.Text.Json;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// A <see cref="PlateFont"/> drawn from the project's own outline data (<c>fonts/*.jsonc</c>): for typefaces with no
/// open digital equivalent (FE-Schrift, Charles Wright 2001) each glyph is described in millimetres on the plate as
/// stroked centre lines (SVG path data: lines, arcs, curves) plus optional filled shapes and cut-outs. Strokes are
/// turned into filled outlines with Skia's stroker and everything is merged with path boolean operations, so the
/// result is a clean filled outline like a font glyph.
/// </summary>
/// <remarks>
/// Data file (JSON with comments; coordinates in mm, y down, y = 0 the top of the cap height, y = capHeight the
/// baseline, x = 0 the left edge of the glyph's design cell):
/// <code>
/// {
///   "id": "fe-schrift", "name": "…", "capHeight": 75,
///   "stroke": 9.5,          // default stroke width (mm)
///   "cap": "butt",          // default line cap: butt | round | square
///   "join": "miter",        // default line join: miter | round | bevel
///   "clip": true,           // cut the ink to the glyph's cell (0..width × 0..capHeight), so strokes may overshoot
///   "glyphs": {
///     "A": {
///       "width": 47.5,      // design width; the ink must lie within 0..width (checked on load)
///       "strokes": [ "M 4 75 L 20 0 …", { "d": "…", "stroke": 8, "cap": "round", "join": "round" } ],
///       "fills": [ "M … Z" ],   // filled shapes, added to the ink (optional)
///       "cuts":  [ "M … Z", { "d": "M … L …", "stroke": 2 } ], // removed from the ink at the end: filled
///                               // shapes, or stroked lines given like strokes (optional)
///       "clip": false,      // this glyph is not cut to its cell (optional; default: the font's "clip")
///       "from": "6", "flip": "xy" // optional: start from another glyph, flipped in x, y or both (180° turn)
///     }
///   }
/// }
/// </code>
/// </remarks>
public sealed class OutlinePlateFont : PlateFont
{
    private readonly Dictionary<char, GlyphSpec> specs;

    private OutlinePlateFont(string id, string name, string source, float capHeight, Dictionary<char, GlyphSpec> specs)
        : base(id)
    {
        Name = name;
        Source = source;
        CapHeightMm = capHeight;
        this.specs = specs;
    }

    /// <summary>The typeface's name (e.g. "FE-Schrift Mittelschrift (DeepPlate outlines)").</summary>
    public string Name { get; }

    /// <summary>The cap height the data is drawn at, in mm.</summary>
    public float CapHeightMm { get; }

    public override string Source { get; }

    /// <summary>The characters the data file defines, in file order.</summary>
    public IReadOnlyCollection<char> Characters => specs.Keys;

    /// <summary>The design width of <paramref name="c"/> in mm as given in the data file.</summary>
    public float WidthMm(char c) => specs.TryGetValue(c, out var s) ? s.Width : throw new MissingGlyphException(this, c);

    public override bool Has(char c) => specs.ContainsKey(c);

    /// <summary>Reads and checks an outline data file; every glyph is built once so that errors surface here.</summary>
    /// <exception cref="FileNotFoundException">no such file.</exception>
    /// <exception cref="InvalidDataException">the file is malformed; the message names the file and the glyph.</exception>
    public static OutlinePlateFont Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"no outline font file at {full}", full);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(full), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{full}: not valid JSON with comments: {e.Message}", e);
        }
        using (doc)
        {
            var font = Parse(doc.RootElement, full);
            foreach (var c in font.specs.Keys) font.CheckGlyph(c);
            return font;
        }
    }

    protected override SKPath BuildGlyph(char c, out float capTop, out float capBottom)
    {
        capTop = 0;
        capBottom = CapHeightMm;
        return BuildMm(c, depth: 0);
    }

    // The glyph in mm (design cell coordinates), not normalised.
    private SKPath BuildMm(char c, int depth)
    {
        if (!specs.TryGetValue(c, out var spec)) throw new MissingGlyphException(this, c);
        if (depth > 4) throw new InvalidDataException($"{Source}: glyph '{c}': 'from' chain too deep (a cycle?)");

        using var builder = new SKPath.OpBuilder();
        var parts = new List<SKPath>();
        try
        {
            if (spec.From is { } from)
            {
                var basePath = BuildMm(from, depth + 1);
                var baseWidth = specs[from].Width;
                var (sx, sy) = spec.Flip switch
                {
                    "x" => (-1f, 1f),
                    "y" => (1f, -1f),
                    "xy" => (-1f, -1f),
                    _ => (1f, 1f),
                };
                // Flip inside the base glyph's cell, then centre that cell on this glyph's cell.
                var dx = (spec.Width - baseWidth) / 2;
                var m = new SKMatrix(
                    sx, 0, (sx < 0 ? baseWidth : 0) + dx,
                    0, sy, sy < 0 ? CapHeightMm : 0,
                    0, 0, 1);
                basePath.Transform(m);
                parts.Add(basePath);
                builder.Add(basePath, SKPathOp.Union);
            }
            foreach (var stroke in spec.Strokes)
            {
                var filled = Stroke(stroke, c);
                parts.Add(filled);
                builder.Add(filled, SKPathOp.Union);
            }
            foreach (var fill in spec.Fills)
            {
                var p = ParsePath(fill, c);
                p.FillType = SKPathFillType.Winding;
                parts.Add(p);
                builder.Add(p, SKPathOp.Union);
            }
            foreach (var cut in spec.Cuts)
            {
                var p = cut.Width is null ? ParsePath(cut.D, c) : Stroke(cut, c);
                parts.Add(p);
                builder.Add(p, SKPathOp.Difference);
            }
            if (spec.Clip)
            {
                using var rect = new SKPathBuilder();
                rect.AddRect(new SKRect(0, 0, spec.Width, CapHeightMm));
                var cell = rect.Detach();
                parts.Add(cell);
                builder.Add(cell, SKPathOp.Intersect);
            }
            var result = new SKPath();
            if (!builder.Resolve(result)) throw new InvalidDataException($"{Source}: glyph '{c}': the path operations failed");
            // Keep the fill type the path operations chose (even-odd or winding with oriented contours).
            return result;
        }
        finally
        {
            foreach (var p in parts) p.Dispose();
        }
    }

    // A stroked centre line turned into its filled outline.
    private SKPath Stroke(StrokeSpec stroke, char c)
    {
        using var centre = ParsePath(stroke.D, c);
        using var paint = new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = stroke.Width ?? throw new InvalidOperationException("a stroke needs a width"),
            StrokeCap = stroke.Cap,
            StrokeJoin = stroke.Join,
            StrokeMiter = 8,
        };
        using var outline = new SKPathBuilder();
        // resScale 16: the stroker approximates curves to 1/16 of its default tolerance (mm units are coarse).
        if (!paint.GetFillPath(centre, outline, 16f))
        {
            throw new InvalidDataException($"{Source}: glyph '{c}': stroke \"{stroke.D}\" produced no outline");
        }
        var filled = outline.Detach();
        filled.FillType = SKPathFillType.Winding;
        return filled;
    }

    private SKPath ParsePath(string d, char c) =>
        SKPath.ParseSvgPathData(d) is { IsEmpty: false } p
            ? p
            : throw new InvalidDataException($"{Source}: glyph '{c}': cannot read the path data \"{d}\"");

    // The ink must exist and lie within the design cell (0.5 mm slack for the stroker's curve approximation).
    private void CheckGlyph(char c)
    {
        using var p = BuildMm(c, 0);
        var ink = p.TightBounds;
        var w = specs[c].Width;
        if (p.IsEmpty || ink.Width <= 0 || ink.Height <= 0) throw new InvalidDataException($"{Source}: glyph '{c}' has no ink");
        if (ink.Left < -0.5f || ink.Right > w + 0.5f)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{Source}: glyph '{c}': ink spans x {ink.Left:0.##}..{ink.Right:0.##} mm, outside its width 0..{w:0.##}"));
        }
    }

    private static OutlinePlateFont Parse(JsonElement root, string file)
    {
        string Err(string where, string what) => $"{file}: {where}: {what}";
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException(Err("root", "must be an object"));
        var id = ReqString(root, "id", "root", file);
        var name = ReqString(root, "name", "root", file);
        var capHeight = ReqFloat(root, "capHeight", "root", file);
        if (!(capHeight > 0)) throw new InvalidDataException(Err("capHeight", "must be positive"));
        var defStroke = ReqFloat(root, "stroke", "root", file);
        var defCap = root.TryGetProperty("cap", out var capEl) ? ParseCap(capEl.GetString(), "cap", file) : SKStrokeCap.Butt;
        var defJoin = root.TryGetProperty("join", out var joinEl) ? ParseJoin(joinEl.GetString(), "join", file) : SKStrokeJoin.Miter;
        var defClip = root.TryGetProperty("clip", out var clipEl) && clipEl.GetBoolean();
        if (!root.TryGetProperty("glyphs", out var glyphs) || glyphs.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException(Err("root", "needs a \"glyphs\" object"));
        }

        var specs = new Dictionary<char, GlyphSpec>();
        foreach (var g in glyphs.EnumerateObject())
        {
            var where = $"glyph '{g.Name}'";
            if (g.Name.Length != 1) throw new InvalidDataException(Err(where, "a glyph key must be one character"));
            var c = g.Name[0];
            var e = g.Value;
            if (e.ValueKind != JsonValueKind.Object) throw new InvalidDataException(Err(where, "must be an object"));
            var width = ReqFloat(e, "width", where, file);
            var strokes = StrokeList(e, "strokes", where, file, defStroke, defCap, defJoin);
            var fills = StringList(e, "fills", where, file);
            // A cut given as a string is a filled shape (no width); as an object, a stroked line.
            var cuts = StrokeList(e, "cuts", where, file, null, defCap, defJoin);
            var clip = e.TryGetProperty("clip", out var gc) ? gc.GetBoolean() : defClip;
            char? from = null;
            if (e.TryGetProperty("from", out var fromEl))
            {
                var f = fromEl.GetString();
                if (f is not { Length: 1 }) throw new InvalidDataException(Err(where, "\"from\" must be one character"));
                from = f[0];
            }
            var flip = e.TryGetProperty("flip", out var flipEl) ? flipEl.GetString() : null;
            if (flip is not (null or "x" or "y" or "xy")) throw new InvalidDataException(Err(where, "\"flip\" is x, y or xy"));
            if (strokes.Count == 0 && fills.Count == 0 && from is null) throw new InvalidDataException(Err(where, "has no strokes, fills or from"));
            if (!specs.TryAdd(c, new GlyphSpec(width, strokes, fills, cuts, from, flip, clip)))
            {
                throw new InvalidDataException(Err(where, "defined twice"));
            }
        }
        foreach (var (c, s) in specs)
        {
            if (s.From is { } f && !specs.ContainsKey(f)) throw new InvalidDataException(Err($"glyph '{c}'", $"\"from\": no glyph '{f}'"));
        }
        return new OutlinePlateFont(id, name, file, capHeight, specs);
    }

    // Strings take the default width (null: a filled shape); objects are { "d", "stroke", "cap", "join" }.
    private static List<StrokeSpec> StrokeList(JsonElement e, string key, string where, string file, float? defWidth, SKStrokeCap defCap, SKStrokeJoin defJoin)
    {
        var list = new List<StrokeSpec>();
        if (!e.TryGetProperty(key, out var arr)) return list;
        if (arr.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{file}: {where}: \"{key}\" must be an array");
        foreach (var s in arr.EnumerateArray())
        {
            if (s.ValueKind == JsonValueKind.String)
            {
                list.Add(new StrokeSpec(s.GetString()!, defWidth, defCap, defJoin));
            }
            else if (s.ValueKind == JsonValueKind.Object)
            {
                var w = s.TryGetProperty("stroke", out var sw) ? sw.GetSingle() : defWidth;
                if (w is null) throw new InvalidDataException($"{file}: {where}: a stroked cut needs \"stroke\" (its width)");
                if (!(w > 0)) throw new InvalidDataException($"{file}: {where}: a stroke width must be positive");
                list.Add(new StrokeSpec(
                    ReqString(s, "d", where, file),
                    w,
                    s.TryGetProperty("cap", out var sc) ? ParseCap(sc.GetString(), where, file) : defCap,
                    s.TryGetProperty("join", out var sj) ? ParseJoin(sj.GetString(), where, file) : defJoin));
            }
            else
            {
                throw new InvalidDataException($"{file}: {where}: \"{key}\" holds path data or {{ \"d\": … }} objects");
            }
        }
        return list;
    }

    private static List<string> StringList(JsonElement e, string key, string where, string file)
    {
        var list = new List<string>();
        if (!e.TryGetProperty(key, out var arr)) return list;
        if (arr.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{file}: {where}: \"{key}\" must be an array of path data");
        foreach (var s in arr.EnumerateArray())
        {
            list.Add(s.ValueKind == JsonValueKind.String ? s.GetString()! : throw new InvalidDataException($"{file}: {where}: \"{key}\" holds path data strings"));
        }
        return list;
    }

    private static string ReqString(JsonElement e, string key, string where, string file) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new InvalidDataException($"{file}: {where}: needs \"{key}\" (a string)");

    private static float ReqFloat(JsonElement e, string key, string where, string file) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetSingle()
            : throw new InvalidDataException($"{file}: {where}: needs \"{key}\" (a number)");

    private static SKStrokeCap ParseCap(string? s, string where, string file) => s switch
    {
        "butt" => SKStrokeCap.Butt,
        "round" => SKStrokeCap.Round,
        "square" => SKStrokeCap.Square,
        _ => throw new InvalidDataException($"{file}: {where}: cap \"{s}\" is not butt, round or square"),
    };

    private static SKStrokeJoin ParseJoin(string? s, string where, string file) => s switch
    {
        "miter" => SKStrokeJoin.Miter,
        "round" => SKStrokeJoin.Round,
        "bevel" => SKStrokeJoin.Bevel,
        _ => throw new InvalidDataException($"{file}: {where}: join \"{s}\" is not miter, round or bevel"),
    };

    // Width null: a filled shape (only in "cuts").
    private sealed record StrokeSpec(string D, float? Width, SKStrokeCap Cap, SKStrokeJoin Join);

    private sealed record GlyphSpec(
        float Width, List<StrokeSpec> Strokes, List<string> Fills, List<StrokeSpec> Cuts, char? From, string? Flip, bool Clip);
}
