using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// A large opaque picture beside the serial of a pictorial plate (a US state's animal, logo, outline, a wheelchair
/// symbol), as a random silhouette of <see cref="PictorialShapes"/>: which one, mirrored or not, its height in
/// character heights, its side, how far it pokes over the plate's edge and its colour, all from a seed.
/// </summary>
public sealed record Silhouette(bool Left, int Shape, bool Mirror, double Size, double Inset, double Rise, double Keep, SKColor Colour)
{
    public static Silhouette From(ulong seed, double[] size)
    {
        var random = new DeterministicRandom(seed);
        var left = random.NextDouble() < 0.75;
        var shape = random.Next(PictorialShapes.SilhouetteCount);
        var mirror = random.NextDouble() < 0.5;
        var s = random.Uniform(size[0], size[1]);
        // A third of them cut by the plate's edge, the others a little inside it.
        var inset = random.NextDouble() < 0.33 ? random.Uniform(-0.35, 0) : random.Uniform(0.02, 0.15);
        var rise = random.Uniform(-0.15, 0.15);
        var keep = random.Uniform(0.65, 1.0);
        // Mostly dark (black, navy, brown), else a strong colour: the real pictures are high contrast.
        var colour = random.NextDouble() < 0.65
            ? new SKColor((byte)random.Next(90), (byte)random.Next(90), (byte)random.Next(90))
            : Strong(ref random);
        return new Silhouette(left, shape, mirror, s, inset, rise, keep, colour);
    }

    /// <summary>A saturated colour: one channel high, one low, one anywhere.</summary>
    internal static SKColor Strong(ref DeterministicRandom random)
    {
        Span<byte> c = [(byte)random.NextInclusive(150, 255), (byte)random.Next(70), (byte)random.Next(256)];
        var turn = random.Next(3);
        return new SKColor(c[turn], c[(turn + 1) % 3], c[(turn + 2) % 3]);
    }

    /// <summary>The room the serial leaves it: most of its width from the plate's edge (the rest under the serial's
    /// first characters, as pictures on real plates reach behind them).</summary>
    public double RoomMm(double charHeightMm) => Math.Max(0, (Inset + Size * Keep) * charHeightMm);

    /// <summary>Its square box in plate millimetres (x, y of the top-left corner, side), for characters
    /// <paramref name="charHeightMm"/> tall whose middle is at <paramref name="midYMm"/> on a plate
    /// <paramref name="plateWidthMm"/> wide, measured from the edge after the plate's own margin.</summary>
    public (double X, double Y, double Side) Box(double plateWidthMm, double marginMm, double charHeightMm, double midYMm)
    {
        var side = Size * charHeightMm;
        var fromEdge = marginMm + Inset * charHeightMm;
        var x = Left ? fromEdge : plateWidthMm - fromEdge - side;
        return (x, midYMm + Rise * charHeightMm - side / 2, side);
    }
}

/// <summary>
/// A strong pictorial background from a seed: a sky gradient from the top, a mountain ridge across the plate, a dark
/// band of scenery along the bottom (each drawn or not, at least one), their colours and heights.
/// </summary>
public sealed record Scenery(SKColor? Sky, double SkyDepth, int Ridge, SKColor RidgeColour, double RidgeTop, double RidgeHeight, SKColor? Band, double BandTop)
{
    public static Scenery From(ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var kinds = 1 + random.Next(7); // three bits, not all clear
        SKColor? sky = (kinds & 1) != 0 ? Silhouette.Strong(ref random) : null;
        var skyDepth = random.Uniform(0.3, 0.7);
        var ridge = (kinds & 2) != 0 ? random.Next(PictorialShapes.RidgeCount) : -1;
        var ridgeColour = random.NextDouble() < 0.5
            ? new SKColor((byte)random.NextInclusive(60, 160), (byte)random.NextInclusive(60, 160), (byte)random.NextInclusive(60, 160))
            : Silhouette.Strong(ref random);
        var ridgeTop = random.Uniform(0.3, 0.65);
        var ridgeHeight = random.Uniform(0.15, 0.4);
        SKColor? band = (kinds & 4) != 0 ? new SKColor((byte)random.Next(110), (byte)random.Next(110), (byte)random.Next(110)) : null;
        var bandTop = random.Uniform(0.82, 0.9);
        return new Scenery(sky, skyDepth, ridge, ridgeColour, ridgeTop, ridgeHeight, band, bandTop);
    }
}

/// <summary>
/// The pictures pictorial plates draw, made once per renderer from fixed seeds (a plate picks one by number, so a
/// plate costs no outline building): silhouettes in the unit square [-1, 1]² (stars, jagged polygons, smooth blobs,
/// a blob with a ring like a logo, the wheelchair symbol, line drawings) and mountain ridges in [0, 1]² (peaks at the top, flat along y = 1).
/// </summary>
internal sealed class PictorialShapes : IDisposable
{
    public const int SilhouetteCount = 48;
    public const int RidgeCount = 16;

    private readonly SKPath[] silhouettes = new SKPath[SilhouetteCount];
    private readonly FlatOutline[] silhouetteOutlines = new FlatOutline[SilhouetteCount];
    private readonly FlatOutline[] ridges = new FlatOutline[RidgeCount];

    public PictorialShapes()
    {
        for (var i = 0; i < SilhouetteCount; i++)
        {
            var random = new DeterministicRandom(0x5117_0000UL + (ulong)i);
            silhouettes[i] = (i % Kinds) switch
            {
                4 => MakeWheelchair(ref random),
                5 => MakeLineArt(ref random),
                var kind => MakeSilhouette(kind, ref random),
            };
            silhouetteOutlines[i] = new FlatOutline(silhouettes[i]);
        }
        for (var i = 0; i < RidgeCount; i++)
        {
            var random = new DeterministicRandom(0x71D6_0000UL + (ulong)i);
            using var ridge = MakeRidge(ref random);
            ridges[i] = new FlatOutline(ridge);
        }
    }

    /// <summary>Stars, jagged polygons, blobs, logos, the wheelchair symbol, line drawings: every i-th of the list.</summary>
    private const int Kinds = 6;

    public FlatOutline Silhouette(int i) => silhouetteOutlines[i];

    /// <summary>The silhouette's path, for cutting it to the plate when it pokes over the edge (not to be disposed).</summary>
    public SKPath SilhouettePath(int i) => silhouettes[i];

    public FlatOutline Ridge(int i) => ridges[i];

    private static SKPath MakeSilhouette(int kind, ref DeterministicRandom random)
    {
        using var b = new SKPathBuilder();
        var n = kind switch { 0 => 2 * random.NextInclusive(5, 8), 1 => random.NextInclusive(7, 12), _ => random.NextInclusive(6, 9) };
        var inner = random.Uniform(0.35, 0.6);
        var points = new SKPoint[n];
        for (var k = 0; k < n; k++)
        {
            var a = 2 * Math.PI * (k + (kind == 0 ? 0 : random.Uniform(-0.3, 0.3))) / n;
            var r = kind == 0 ? (k % 2 == 0 ? 1 : inner) : random.Uniform(0.45, 1);
            points[k] = new SKPoint((float)(r * Math.Sin(a)), (float)(-r * Math.Cos(a)));
        }
        if (kind < 2)
        {
            b.MoveTo(points[0]);
            for (var k = 1; k < n; k++) b.LineTo(points[k]);
        }
        else
        {
            // Smooth: quadratic curves through the midpoints, the points as controls.
            b.MoveTo(Mid(points[^1], points[0]));
            for (var k = 0; k < n; k++) b.QuadTo(points[k], Mid(points[k], points[(k + 1) % n]));
        }
        b.Close();
        // A logo: the blob with a ring cut out of it.
        if (kind == 3)
        {
            b.AddCircle(0, 0, 0.3f, SKPathDirection.CounterClockwise);
            b.AddCircle(0, 0, 0.18f, SKPathDirection.Clockwise);
        }
        return b.Detach();
    }

    /// <summary>
    /// The International Symbol of Access, which disability plates of nearly every US state print beside the serial
    /// (the failure galleries: the Minnesota plate's symbol read as an L): a head, a body bent into the seat and the
    /// leg, and the wheel's ring, in proportions varied a little per shape.
    /// </summary>
    private static SKPath MakeWheelchair(ref DeterministicRandom random)
    {
        var w = (float)random.Uniform(0.16, 0.24);
        using var centre = new SKPathBuilder();
        centre.MoveTo(-0.2f, -0.45f);
        centre.LineTo(-0.15f, 0.2f);
        centre.LineTo(0.35f, 0.2f);
        centre.LineTo((float)random.Uniform(0.5, 0.6), 0.75f);
        centre.MoveTo(-0.18f, -0.15f);
        centre.LineTo(0.2f, -0.15f);
        using var body = Stroked(centre, w, SKStrokeCap.Butt);
        var r = (float)random.Uniform(0.42, 0.52);
        using var outer = Circle(-0.15f, 0.4f, r);
        using var inner = Circle(-0.15f, 0.4f, r - w * 0.75f);
        using var head = Circle(-0.22f, -0.78f, 0.17f);
        // Unions and a difference, so the body stays ink where it crosses the wheel's ring and its hole.
        using var ring = outer.Op(inner, SKPathOp.Difference) ?? new SKPath();
        using var figure = body.Op(head, SKPathOp.Union) ?? new SKPath(body);
        return ring.Op(figure, SKPathOp.Union) ?? new SKPath(figure);
    }

    private static SKPath Circle(float x, float y, float r)
    {
        using var b = new SKPathBuilder();
        b.AddCircle(x, y, r);
        return b.Detach();
    }

    /// <summary>
    /// A line drawing (a bird, a lighthouse, a state's outline as specialty plates draw them): two to four curved
    /// strokes about as heavy as a character's. Seen beside serials in the failure galleries of US photos, read as a
    /// character (a chickadee as a 9), where the filled silhouettes above look like no character at all.
    /// </summary>
    private static SKPath MakeLineArt(ref DeterministicRandom random)
    {
        using var centre = new SKPathBuilder();
        var strokes = random.NextInclusive(2, 4);
        for (var k = 0; k < strokes; k++)
        {
            SKPoint Any(ref DeterministicRandom r) => new((float)r.Uniform(-0.8, 0.8), (float)r.Uniform(-0.8, 0.8));
            centre.MoveTo(Any(ref random));
            centre.QuadTo(Any(ref random), Any(ref random));
            if (random.NextDouble() < 0.5) centre.QuadTo(Any(ref random), Any(ref random));
        }
        using var drawn = Stroked(centre, (float)random.Uniform(0.14, 0.26), SKStrokeCap.Round);
        return drawn.Simplify() ?? new SKPath(drawn);
    }

    private static SKPath Stroked(SKPathBuilder centre, float width, SKStrokeCap cap)
    {
        using var path = centre.Detach();
        using var paint = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = cap, StrokeJoin = SKStrokeJoin.Round };
        using var outline = new SKPathBuilder();
        paint.GetFillPath(path, outline, 4f);
        var filled = outline.Detach();
        filled.FillType = SKPathFillType.Winding;
        return filled;
    }

    private static SKPoint Mid(SKPoint a, SKPoint b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    private static SKPath MakeRidge(ref DeterministicRandom random)
    {
        using var b = new SKPathBuilder();
        b.MoveTo(0, 1);
        var peaks = random.NextInclusive(3, 7);
        for (var k = 0; k <= 2 * peaks; k++)
        {
            var y = k % 2 == 1 ? random.Uniform(0, 0.3) : random.Uniform(0.45, 0.9);
            b.LineTo((float)k / (2 * peaks), (float)y);
        }
        b.LineTo(1, 1);
        b.Close();
        return b.Detach();
    }

    public void Dispose()
    {
        foreach (var p in silhouettes) p.Dispose();
    }
}
