using System.Numerics;
using System.Runtime.CompilerServices;

namespace DeepPlate.Synth;

/// <summary>
/// A projective map of the plane (3x3, acting on column vectors (x, y, 1)): millimetres on the plate to pixels, with
/// the perspective of a camera, or an affine placement (glyph cells, stickers) composed into it.
/// </summary>
public readonly record struct Projective(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    public static readonly Projective Identity = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    public static Projective Scale(double sx, double sy) => new(sx, 0, 0, 0, sy, 0, 0, 0, 1);

    public static Projective Translate(double tx, double ty) => new(1, 0, tx, 0, 1, ty, 0, 0, 1);

    /// <summary>Translate by (tx, ty) after scaling by (sx, sy): p -> (sx x + tx, sy y + ty).</summary>
    public static Projective Place(double tx, double ty, double sx, double sy) => new(sx, 0, tx, 0, sy, ty, 0, 0, 1);

    /// <summary>This map after <paramref name="inner"/>: p -> this(inner(p)).</summary>
    public Projective Then(Projective inner) => this * inner;

    public static Projective operator *(Projective a, Projective b) => new(
        a.M00 * b.M00 + a.M01 * b.M10 + a.M02 * b.M20, a.M00 * b.M01 + a.M01 * b.M11 + a.M02 * b.M21, a.M00 * b.M02 + a.M01 * b.M12 + a.M02 * b.M22,
        a.M10 * b.M00 + a.M11 * b.M10 + a.M12 * b.M20, a.M10 * b.M01 + a.M11 * b.M11 + a.M12 * b.M21, a.M10 * b.M02 + a.M11 * b.M12 + a.M12 * b.M22,
        a.M20 * b.M00 + a.M21 * b.M10 + a.M22 * b.M20, a.M20 * b.M01 + a.M21 * b.M11 + a.M22 * b.M21, a.M20 * b.M02 + a.M21 * b.M12 + a.M22 * b.M22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector2 Apply(double x, double y)
    {
        var r = 1 / (M20 * x + M21 * y + M22);
        return new Vector2((float)((M00 * x + M01 * y + M02) * r), (float)((M10 * x + M11 * y + M12) * r));
    }

    public Vector2 Apply(Vector2 p) => Apply(p.X, p.Y);
}
