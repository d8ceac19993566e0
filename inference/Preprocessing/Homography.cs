using System.Numerics;

namespace DeepPlate.Inference;

/// <summary>A projective map of the plane, here from the unit square to a plate's quadrilateral.</summary>
public readonly record struct Homography(double A, double B, double C, double D, double E, double F, double G, double H)
{
    /// <summary>
    /// The map taking (0,0), (1,0), (1,1), (0,1) to the four corners, clockwise from the top-left (Heckbert's
    /// closed form for the square-to-quadrilateral case).
    /// </summary>
    public static Homography SquareToQuad(Vector2 p0, Vector2 p1, Vector2 p2, Vector2 p3)
    {
        double x0 = p0.X, y0 = p0.Y, x1 = p1.X, y1 = p1.Y, x2 = p2.X, y2 = p2.Y, x3 = p3.X, y3 = p3.Y;
        var sx = x0 - x1 + x2 - x3;
        var sy = y0 - y1 + y2 - y3;
        if (Math.Abs(sx) < 1e-12 && Math.Abs(sy) < 1e-12)
        {
            return new Homography(x1 - x0, x2 - x1, x0, y1 - y0, y2 - y1, y0, 0, 0);
        }
        var dx1 = x1 - x2;
        var dx2 = x3 - x2;
        var dy1 = y1 - y2;
        var dy2 = y3 - y2;
        var det = dx1 * dy2 - dx2 * dy1;
        if (Math.Abs(det) < 1e-12) throw new ArgumentException("the corners are degenerate");
        var g = (sx * dy2 - dx2 * sy) / det;
        var h = (dx1 * sy - sx * dy1) / det;
        return new Homography(x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h);
    }

    public Vector2 Map(double u, double v)
    {
        var w = G * u + H * v + 1;
        return new Vector2((float)((A * u + B * v + C) / w), (float)((D * u + E * v + F) / w));
    }
}
