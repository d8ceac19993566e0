using System.Numerics;

namespace DeepPlate.Synth;

/// <summary>
/// A retroreflective plate under a camera's own infrared or white flash at night: the sheeting sends the flash back
/// to the lens, so the plate "glows", many times brighter than the car around it, while the printed characters,
/// which do not retroreflect, stay dark. A pixel of grey v inside the plate becomes v (1 + (<see cref="Gain"/> - 1) v²):
/// the sheeting (v near 1) gains almost the whole factor, dark ink (v 0.2: 4 % of it) next to nothing. The car
/// around the plate is dimmed by the square root of the gain (an exposure set for the glowing plate). The light above
/// full white does not vanish but bleeds into its surroundings (bloom: the excess, blurred by <see cref="BloomPx"/>,
/// is added back), eating into thin dark strokes. The camera clamps it later, so the sheeting saturates and the
/// characters lose contrast, as on real night captures.
/// </summary>
public readonly record struct Overexposure(double Gain, double BloomPx)
{
    public void Apply(GreyImage scene, ReadOnlySpan<Vector2> corners)
    {
        var (w, h) = (scene.Width, scene.Height);
        using var excess = new GreyImage(w, h);
        var pixels = scene.Pixels;
        var over = excess.Pixels;
        var gain = (float)Gain;
        var dim = 1 / MathF.Sqrt(gain);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var i = y * w + x;
                // The car around it does not retroreflect: the exposure set for the plate leaves it dim.
                if (!Inside(corners, new Vector2(x + 0.5f, y + 0.5f)))
                {
                    pixels[i] *= dim;
                    continue;
                }
                var v = pixels[i] * (1 + (gain - 1) * pixels[i] * pixels[i]);
                pixels[i] = Math.Min(v, 1);
                over[i] = Math.Max(0, v - 1);
            }
        }
        new GaussianBlur(BloomPx).Apply(excess);
        for (var i = 0; i < pixels.Length; i++) pixels[i] += over[i];
    }

    /// <summary>Whether p lies inside the convex quadrilateral (either winding).</summary>
    private static bool Inside(ReadOnlySpan<Vector2> c, Vector2 p)
    {
        var sign = 0;
        for (var k = 0; k < 4; k++)
        {
            var (a, b) = (c[k], c[(k + 1) % 4]);
            var cross = (b.X - a.X) * (p.Y - a.Y) - (b.Y - a.Y) * (p.X - a.X);
            var s = Math.Sign(cross);
            if (s == 0) continue;
            if (sign == 0) sign = s;
            else if (s != sign) return false;
        }
        return true;
    }
}
